import { encode } from 'uqr';

/** A QR code's modules, quiet zone included: `data[y][x]` is true where the module is dark. */
export interface QrMatrix {
  readonly size: number;
  readonly data: readonly (readonly boolean[])[];
}

/** Whether a decoder reads `qr` back as `text`. */
export type ReadsBack = (text: string, qr: QrMatrix) => boolean;

/** Medium error correction; a quiet zone of two modules (the sticker's white edge adds more). */
const STICKER_QR = { ecc: 'M', border: 2 } as const;

/**
 * The QR for `text` that the scanner reads: the encoder's best-looking mask when the decoder reads
 * it, else the first of the seven other masks it does. All eight carry the same data; ZXing (the
 * scanner's decoder on phones without a built-in one) misses a few percent of codes at the usual
 * mask however well they are printed, so a sticker is never one of those. Without a decoder, or
 * when it reads no mask, the usual one.
 */
export function readableQr(text: string, readsBack?: ReadsBack | null): QrMatrix {
  const usual = encode(text, STICKER_QR);
  if (!readsBack || readsBack(text, usual)) return usual;
  for (let mask = 0; mask < 8; mask++) {
    if (mask === usual.maskPattern) continue;
    const qr = encode(text, { ...STICKER_QR, maskPattern: mask });
    if (readsBack(text, qr)) return qr;
  }
  return usual;
}
