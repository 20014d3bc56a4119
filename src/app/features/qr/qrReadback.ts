import type { QrMatrix, ReadsBack } from './readableQr';

/** The parts of ZXing (bundled with html5-qrcode, the scanner's library) a read-back needs. */
interface Zxing {
  RGBLuminanceSource: new (luminances: Uint8ClampedArray, width: number, height: number) => object;
  HybridBinarizer: new (source: object) => object;
  BinaryBitmap: new (binarizer: object) => object;
  QRCodeReader: new () => { decode(bitmap: object): { getText(): string } };
}

const PARTS = ['RGBLuminanceSource', 'HybridBinarizer', 'BinaryBitmap', 'QRCodeReader'] as const;

function parseZxing(mod: unknown): Zxing | null {
  const isZxing = (m: unknown): m is Zxing =>
    typeof m === 'object' &&
    m !== null &&
    PARTS.every((k) => typeof Reflect.get(m, k) === 'function');
  if (isZxing(mod)) return mod;
  // A CommonJS module imported from an ES module: its exports are the default.
  const inner: unknown =
    typeof mod === 'object' && mod !== null ? Reflect.get(mod, 'default') : null;
  return isZxing(inner) ? inner : null;
}

/**
 * Pixels per module the read-back tries: a small print seen from afar to a close-up. A code read
 * at all three was read in every camera frame tried (1,500 links, 7 and 10 px a module, 0 misses);
 * at the usual mask alone about 3 % of links were not.
 */
const SCALES = [4, 8, 12];

/** Draws `qr` black on white at `scale` pixels a module, as luminance (rows of `size * scale`). */
export function qrPixels(qr: QrMatrix, scale: number): Uint8ClampedArray {
  const side = qr.size * scale;
  const out = new Uint8ClampedArray(side * side).fill(255);
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        const start = (y * scale + dy) * side + x * scale;
        out.fill(0, start, start + scale);
      }
    }),
  );
  return out;
}

/**
 * Loads the scanner's own decoder (the same chunk the scanner uses) and returns a check that a QR
 * reads back at every scale; null when it cannot be loaded (stickers then keep the usual mask).
 */
export async function loadQrReadback(): Promise<ReadsBack | null> {
  const zxing = parseZxing(
    await import('html5-qrcode/third_party/zxing-js.umd.js').catch(() => null),
  );
  if (!zxing) return null;
  return (text, qr) =>
    SCALES.every((scale) => {
      const side = qr.size * scale;
      const source = new zxing.RGBLuminanceSource(qrPixels(qr, scale), side, side);
      try {
        const bitmap = new zxing.BinaryBitmap(new zxing.HybridBinarizer(source));
        return new zxing.QRCodeReader().decode(bitmap).getText() === text;
      } catch {
        return false;
      }
    });
}
