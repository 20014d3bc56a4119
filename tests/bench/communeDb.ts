/**
 * Runs inside Chromium: fills a device database with the generated commune (20,000 households,
 * 80,000 people, 100,000 visits) through the app's own Dexie tables, in chunks, as searchPage.ts
 * does; optionally Đại sứ số pairings. Returns what it loaded and how long it took.
 */
import {
  generateCommune,
  type CommuneSize,
  type GeneratedCommune,
} from '../../src/domain/generate';
import type { TungNhaDb } from '../../src/app/db/db';
import { putRecords } from '../../src/app/db/recordChunks';

export async function loadCommune(
  db: TungNhaDb,
  seed: number,
  opts: { mentorships?: number; size?: CommuneSize } = {},
): Promise<{ commune: GeneratedCommune; loadMs: number; records: number }> {
  const c = generateCommune(seed, opts.size);
  const t0 = performance.now();
  const rows = <T extends object>(list: T[]) => list.map((r) => ({ ...r, _clocks: {} }));
  const put = async (table: 'households' | 'mentorships', list: object[]) => {
    for (let i = 0; i < list.length; i += 5000)
      await db[table].bulkPut(rows(list.slice(i, i + 5000)) as never);
  };
  await put('households', c.households);
  for (let i = 0; i < c.visits.length; i += 5000)
    await putRecords(db.visitChunks, rows(c.visits.slice(i, i + 5000)) as never, () => true);
  for (let i = 0; i < c.members.length; i += 5000)
    await putRecords(db.memberChunks, rows(c.members.slice(i, i + 5000)) as never, () => true);
  const pairings = c.members.slice(0, opts.mentorships ?? 0).map((m, i) => ({
    id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    mentorId: c.members[((i % 4000) * 20 + 1) % c.members.length]?.id ?? m.id,
    mentorKind: 'resident',
    menteeId: m.id,
    villageId: m.villageId,
    startDate: '2027-01-01',
    status: 'active',
    skills: [],
  }));
  await put('mentorships', pairings);
  return {
    commune: c,
    loadMs: performance.now() - t0,
    records: c.households.length + c.members.length + c.visits.length + pairings.length,
  };
}
