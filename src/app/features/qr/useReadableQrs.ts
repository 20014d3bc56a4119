import { useEffect, useRef, useState } from 'react';
import { loadQrReadback } from './qrReadback';
import { readableQr, type QrMatrix } from './readableQr';

export interface ReadableQrs {
  /** Each text's QR, once every one is ready; null while they are being made. */
  qrs: ReadonlyMap<string, QrMatrix> | null;
  done: number;
  total: number;
}

/** Main-thread time spent before letting the page paint and answer taps again. */
const SLICE_MS = 30;
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The QRs of a sheet of stickers, each checked with the scanner's decoder (a few milliseconds a
 * sticker), made in slices so the page shows progress and stays responsive.
 */
export function useReadableQrs(texts: readonly string[]): ReadableQrs {
  const key = texts.join('\n');
  const [state, setState] = useState<ReadableQrs & { key: string }>({
    key: '',
    qrs: null,
    done: 0,
    total: 0,
  });
  // Every QR made while the screen is open: a list that grows (codes given to more households)
  // makes only the new ones.
  const made = useRef(new Map<string, QrMatrix>());
  useEffect(() => {
    let cancelled = false;
    const list = key === '' ? [] : key.split('\n');
    void (async () => {
      const readsBack = await loadQrReadback();
      const out = new Map<string, QrMatrix>();
      let sliceStart = performance.now();
      for (const text of list) {
        if (cancelled) return;
        let qr = made.current.get(text);
        if (!qr) made.current.set(text, (qr = readableQr(text, readsBack)));
        out.set(text, qr);
        if (performance.now() - sliceStart > SLICE_MS) {
          setState({ key, qrs: null, done: out.size, total: list.length });
          await pause();
          sliceStart = performance.now();
        }
      }
      if (!cancelled) setState({ key, qrs: out, done: list.length, total: list.length });
    })();
    return () => {
      cancelled = true;
    };
  }, [key]);
  // Until this sheet's texts are done, whatever an earlier sheet made does not count.
  if (state.key !== key) return { qrs: null, done: 0, total: texts.length };
  return state;
}
