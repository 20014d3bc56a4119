import { act, cleanup, render, screen } from '@testing-library/react';
import { encode } from 'uqr';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateHouseholdCode } from '../../src/domain/householdCode';
import { householdLink } from '../../src/domain/qrLink';
import { loadQrReadback } from '../../src/app/features/qr/qrReadback';
import { readableQr, type ReadsBack } from '../../src/app/features/qr/readableQr';
import { StickerSheet } from '../../src/app/features/qr/StickerSheet';

afterEach(cleanup);

const ORIGIN = 'https://tungnha.example.vn';
/** A real sticker link ZXing cannot read at the encoder's usual mask, at any print size. */
const MISSED = `${ORIGIN}/h/09988/AQ4HYBR5`;
const usual = (text: string) => encode(text, { ecc: 'M', border: 2 });

let readsBack: ReadsBack;
beforeAll(async () => {
  const loaded = await loadQrReadback();
  if (!loaded) throw new Error('the scanner’s decoder did not load');
  readsBack = loaded;
});

/** A fixed stream of pseudo-random digits, so the same 300 codes every run. */
function seeded(seed: number) {
  let s = seed;
  return (n: number) =>
    Array.from({ length: n }, () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return (s >>> 16) % 32;
    });
}

describe('a sticker’s QR is one the scanner reads', () => {
  it.each([
    ['a link missed at the usual mask gets another mask that is read', MISSED, 'other'],
    ['a link read at the usual mask keeps it', `${ORIGIN}/h/09988/K7M2QX4B`, 'usual'],
  ] as const)('%s', (_name, text, expected) => {
    const qr = readableQr(text, readsBack);
    expect(readsBack(text, qr)).toBe(true);
    expect(readsBack(text, usual(text))).toBe(expected === 'usual');
    if (expected === 'usual') expect(qr.data).toEqual(usual(text).data);
    else expect(qr.data).not.toEqual(usual(text).data);
  });

  it.each([
    ['no decoder', null],
    ['a decoder that reads nothing', () => false],
  ] as const)('%s: the usual mask', (_name, decoder) => {
    expect(readableQr(MISSED, decoder).data).toEqual(usual(MISSED).data);
  });

  it('every one of 300 sticker links of a commune reads back (about 3 % do not at the usual mask)', () => {
    const random = seeded(42);
    const links = Array.from({ length: 300 }, () =>
      householdLink(ORIGIN, '09988', generateHouseholdCode('09988', random)),
    );
    const missedUsually = links.filter((link) => !readsBack(link, usual(link)));
    expect(missedUsually.length).toBeGreaterThan(0);
    expect(links.filter((link) => !readsBack(link, readableQr(link, readsBack)))).toEqual([]);
    // About 1,500 ZXing decodes: ~2 s alone, several times that on a busy 2-core machine.
  }, 120_000);
});

describe('the sticker sheet', () => {
  it('makes the QRs first, with progress, and only then offers to print', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      code: generateHouseholdCode('09988', seeded(i + 1)),
      title: `Hộ số ${i + 1}`,
      subtitle: 'Thôn Đông',
    }));
    render(<StickerSheet communeCode="09988" items={items} />);
    expect(screen.getByRole('status').textContent).toContain('Đang tạo mã QR');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'In tem' }).disabled).toBe(true);
    expect(await screen.findAllByTestId('sticker', {}, { timeout: 60_000 })).toHaveLength(40);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'In tem' }).disabled).toBe(false);
    // Each printed QR, read off the page, is its household's link and the scanner reads it.
    const printed = screen.getAllByRole('img', { name: /^Mã QR của hộ / });
    expect(printed).toHaveLength(40);
    printed.forEach((svg, i) => {
      const size = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
      const data = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
      for (const [, x, y] of svg
        .querySelector('path')
        ?.getAttribute('d')
        ?.matchAll(/M(\d+) (\d+)/g) ?? [])
        (data[Number(y)] ?? [])[Number(x)] = true;
      const link = householdLink(window.location.origin, '09988', items[i]?.code ?? '');
      expect(readsBack(link, { size, data })).toBe(true);
    });
    await act(async () => undefined);
  }, 120_000);
});
