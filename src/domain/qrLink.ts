import { parseHouseholdCode, type CodeError } from './householdCode';

/**
 * A sticker's QR holds a link on the app's own origin, `<origin>/h/<commune>/<code>`, so that the
 * phone's ordinary camera app opens the household in the installed PWA, and the in-app scanner
 * reads the same text.
 */
export function householdLink(origin: string, communeCode: string, code: string): string {
  return `${origin.replace(/\/$/, '')}/h/${communeCode}/${code}`;
}

export type QrError = 'qr_empty' | 'qr_not_ours' | 'qr_other_commune' | CodeError;

export type QrResult =
  { ok: true; communeCode: string; code: string } | { ok: false; error: QrError };

const PATH = /^\/h\/(\d{5})\/([^/?#]+)\/?$/;

/** Reads what a camera decoded (or a link that was opened) into a household code of our commune. */
export function parseHouseholdQr(
  text: string,
  ctx: { origin: string; communeCode: string },
): QrResult {
  const raw = text.trim();
  if (!raw) return { ok: false, error: 'qr_empty' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: 'qr_not_ours' };
  }
  if (url.origin !== new URL(ctx.origin).origin) return { ok: false, error: 'qr_not_ours' };
  const m = PATH.exec(url.pathname);
  if (!m) return { ok: false, error: 'qr_not_ours' };
  const communeCode = m[1] as string;
  if (communeCode !== ctx.communeCode) return { ok: false, error: 'qr_other_commune' };
  const parsed = parseHouseholdCode(decodeURIComponent(m[2] as string), communeCode);
  if (!parsed.ok) return parsed;
  return { ok: true, communeCode, code: parsed.code };
}

/** The path part alone (for a link opened from the camera app): "/h/25093/K7M2QX4B". */
export function parseHouseholdPath(pathname: string, communeCode: string): QrResult {
  return parseHouseholdQr(`https://x.invalid${pathname}`, {
    origin: 'https://x.invalid',
    communeCode,
  });
}
