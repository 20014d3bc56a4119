import { rename, writeFile } from 'node:fs/promises';
import { loadQrReadback, qrPixels } from '../../src/app/features/qr/qrReadback';
import { readableQr } from '../../src/app/features/qr/readableQr';

const readsBack = loadQrReadback();

/**
 * Writes a .y4m video showing a QR code (or plain noise for "garbage"), for Chromium's fake camera:
 * --use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>. The QR is the one
 * the app prints on a sticker for `text` (readableQr), seen square-on at 10 pixels a module.
 */
export async function writeQrVideo(
  file: string,
  text: string | null,
  opts: { width?: number; height?: number; frames?: number; moduleSize?: number } = {},
) {
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  const frames = opts.frames ?? 10;
  const y = new Uint8Array(width * height).fill(255);
  if (text === null) {
    // A pattern with no QR code in it.
    for (let i = 0; i < y.length; i++) y[i] = (i * 2654435761) % 251 > 125 ? 30 : 225;
  } else {
    const qr = readableQr(text, await readsBack);
    // About 10 pixels a module (the sticker's distance), the whole sticker inside the scanner's square.
    const scale = Math.min(
      opts.moduleSize ?? 10,
      Math.floor((Math.min(width, height) * 0.75) / qr.size),
    );
    const side = qr.size * scale;
    const left = Math.floor((width - side) / 2);
    const top = Math.floor((height - side) / 2);
    const sticker = qrPixels(qr, scale);
    for (let row = 0; row < side; row++)
      y.set(sticker.subarray(row * side, (row + 1) * side), (top + row) * width + left);
  }
  const chroma = new Uint8Array((width / 2) * (height / 2)).fill(128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  // Written aside then renamed: a camera still reading the old file never sees a half-written one.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
  await rename(tmp, file);
}

export const fakeCameraArgs = (file: string) => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${file}`,
];
