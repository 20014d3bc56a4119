import { readFileSync } from 'node:fs';
import type { Commune } from '../../protocol';
import { fold } from './fold';

/**
 * The official list of communes (xã, phường, đặc khu) with their 5-digit codes, shipped as data
 * (see data/README.md for its source). Loaded once, searched in memory.
 */
type Row = [code: string, name: string, province: string];

let cache: { list: Commune[]; byCode: Map<string, Commune>; folded: string[] } | undefined;

function load() {
  if (cache) return cache;
  const rows = JSON.parse(
    readFileSync(new URL('./data/communes.json', import.meta.url), 'utf8'),
  ) as Row[];
  const list = rows.map(([code, name, province]) => ({ code, name, province }));
  cache = {
    list,
    byCode: new Map(list.map((c) => [c.code, c])),
    folded: list.map((c) => fold(`${c.name} ${c.province} ${c.code}`)),
  };
  return cache;
}

export function officialCommune(code: string): Commune | undefined {
  return load().byCode.get(code);
}

/** Diacritic-insensitive search: every word of the query must appear; at most `limit` answers. */
export function searchCommunes(query: string, limit = 50): Commune[] {
  const { list, folded } = load();
  const words = fold(query).split(' ').filter(Boolean);
  const out: Commune[] = [];
  for (let i = 0; i < list.length && out.length < limit; i++) {
    const text = folded[i] as string;
    if (words.every((w) => text.includes(w))) out.push(list[i] as Commune);
  }
  return out;
}

export function officialCommuneCount(): number {
  return load().list.length;
}
