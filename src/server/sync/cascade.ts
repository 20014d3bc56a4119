import type { Hlc } from '../../domain/hlc';
import { applyWrite } from '../../domain/merge';
import type { Fields, Versioned } from '../../domain/records';
import { isTombstone, withoutPersonalData } from '../../domain/tombstone';
import type { Sql } from '../store/store';
import {
  RECORD_COLUMNS,
  saveRecords,
  toRecord,
  type RecordRow,
  type StoredRecord,
} from './recordsRepo';

/**
 * A record that leaves a village leaves a departure in that village's change stream, at the seq
 * of the change that moved it: the old village's devices drop it on their next pull (pull.ts).
 */
export async function recordDepartures(
  tx: Sql,
  commune: string,
  moves: { entity: string; id: string; from: string | null; seq: number }[],
): Promise<void> {
  const left = moves.filter((m): m is typeof m & { from: string } => m.from !== null);
  if (left.length === 0) return;
  await tx.query(
    `INSERT INTO record_departures (commune_code, village_id, seq, entity, id)
     SELECT $1, u.village_id, u.seq, u.entity, u.id
       FROM unnest($2::uuid[], $3::bigint[], $4::text[], $5::uuid[]) AS u(village_id, seq, entity, id)
     ON CONFLICT DO NOTHING`,
    [
      commune,
      left.map((m) => m.from),
      left.map((m) => m.seq),
      left.map((m) => m.entity),
      left.map((m) => m.id),
    ],
  );
}

/**
 * Moves the chosen records to `villageId` with new seqs after `seq` (so they reach the new
 * village's devices), and leaves a departure in each one's old village. `pick` selects the
 * records (entity, id) from `records`; returns the moved records.
 */
async function moveRecords(
  tx: Sql,
  commune: string,
  pick: string,
  params: unknown[],
  villageId: string | null,
  seq: number,
): Promise<{ entity: string; id: string }[]> {
  return tx.query<{ entity: string; id: string }>(
    `WITH picked AS (
       SELECT entity, id, village_id AS from_village,
              row_number() OVER (ORDER BY entity, id) AS rn
         FROM records
        WHERE commune_code = $1 AND village_id IS DISTINCT FROM $2::uuid AND (${pick})),
     moved AS (
       UPDATE records r SET village_id = $2, seq = $3 + p.rn, updated_at = now()
         FROM picked p
        WHERE r.commune_code = $1 AND r.entity = p.entity AND r.id = p.id
        RETURNING r.entity, r.id, r.seq, p.from_village),
     departed AS (
       INSERT INTO record_departures (commune_code, village_id, seq, entity, id)
       SELECT $1, from_village, seq, entity, id FROM moved WHERE from_village IS NOT NULL
       ON CONFLICT DO NOTHING)
     SELECT entity, id::text AS id FROM moved`,
    [commune, villageId, seq, ...params],
  );
}

/**
 * When a household moves village, the records that live in its village follow it, and get new seqs
 * so they reach the new village's devices (and leave the old village's on their next pull).
 * Returns the commune's last allocated seq.
 */
export async function cascadeHouseholdMove(
  tx: Sql,
  commune: string,
  householdId: string,
  villageId: string | null,
  seq: number,
): Promise<number> {
  const moved = await moveRecords(
    tx,
    commune,
    `data ->> 'householdId' = $4 AND entity IN ('member', 'visit', 'trader')`,
    [householdId],
    villageId,
    seq,
  );
  let last = seq + moved.length;
  const members = moved.filter((m) => m.entity === 'member').map((m) => m.id);
  if (members.length > 0) last = await cascadeMenteeMove(tx, commune, members, villageId, last);
  return last;
}

/** Mentorships live in their mentee's household's village. */
export async function cascadeMenteeMove(
  tx: Sql,
  commune: string,
  memberIds: string[],
  villageId: string | null,
  seq: number,
): Promise<number> {
  const moved = await moveRecords(
    tx,
    commune,
    `entity = 'mentorship' AND data ->> 'menteeId' = ANY($4::text[])`,
    [memberIds],
    villageId,
    seq,
  );
  return seq + moved.length;
}

/** What a deleted household's visits keep: the fact, not the free text about its people. */
export const VISIT_FREE_TEXT = ['notes', 'otherTask'] as const;

/**
 * A delete takes along what would otherwise keep a deleted person's data alive. A household: its
 * members and traders become tombstones (no personal data: domain/tombstone.ts), and so do the
 * traders and pairings of its members wherever they point (a trader of a member who moved here
 * keeps its old household), and its visits lose their free text. A member: its traders and
 * pairings (as mentee or as resident mentor). Records deleted already are left as they are (their
 * own deletion restores them). Stamped with the delete's clock, with new seqs, so every device of
 * the village receives them. Returns the commune's last allocated seq, the records it made
 * tombstones, and the records it changed as they were before (kept for a leader to restore:
 * deletions.ts).
 */
export async function cascadeDelete(
  tx: Sql,
  commune: string,
  root: { entity: 'household' | 'member'; id: string },
  clock: Hlc,
  seq: number,
): Promise<{ seq: number; erased: string[]; before: StoredRecord[] }> {
  const household = root.entity === 'household';
  const people = household
    ? (
        await tx.query<{ id: string }>(
          `SELECT id::text AS id FROM records
            WHERE commune_code = $1 AND entity = 'member' AND data ->> 'householdId' = $2`,
          [commune, root.id],
        )
      ).map((r) => r.id)
    : [root.id];
  const rows = await tx.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records r
      WHERE r.commune_code = $1 AND $3 AND r.entity IN ('member', 'trader', 'visit')
        AND r.data ->> 'householdId' = $2
     UNION ALL
     SELECT ${RECORD_COLUMNS} FROM records r
      WHERE r.commune_code = $1 AND r.entity = 'trader' AND r.data ->> 'memberId' = ANY($4::text[])
     UNION ALL
     SELECT ${RECORD_COLUMNS} FROM records r
      WHERE r.commune_code = $1 AND r.entity = 'mentorship'
        AND (r.data ->> 'menteeId' = ANY($4::text[]) OR r.data ->> 'mentorId' = ANY($4::text[]))`,
    [commune, root.id, household, people],
  );
  const seen = new Set<string>();
  const changed: (StoredRecord & { seq: number })[] = [];
  const before: StoredRecord[] = [];
  for (const rec of rows.map(toRecord)) {
    const key = `${rec.entity}:${rec.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (rec.entity !== 'visit' && isTombstone(rec)) continue;
    const erase: Fields =
      rec.entity === 'visit'
        ? Object.fromEntries(VISIT_FREE_TEXT.filter((k) => k in rec.data).map((k) => [k, '']))
        : { deleted: true };
    if (Object.keys(erase).length === 0) continue;
    const merged = applyWrite(rec, erase, clock);
    if (merged.changed.length === 0) continue;
    const next =
      rec.entity === 'visit'
        ? withoutFreeText(merged.next)
        : withoutPersonalData(rec.entity, merged.next);
    changed.push({ ...rec, ...next, seq: ++seq });
    before.push(rec);
  }
  await saveRecords(tx, commune, changed);
  const erased = changed.filter((r) => r.entity !== 'visit').map((r) => r.id);
  return { seq, erased, before };
}

/**
 * A visit written into a household deleted meanwhile (push.ts): its free text, if any, cleared at
 * `clock()` (a clock later than the visit's own, so the phone that sent it clears it too).
 */
export function clearFreeText(v: Versioned, clock: () => Hlc): Versioned {
  const present = VISIT_FREE_TEXT.filter((k) => k in v.data);
  if (present.length === 0) return v;
  const merged = applyWrite(v, Object.fromEntries(present.map((k) => [k, ''])), clock());
  return withoutFreeText(merged.next);
}

/** A visit with its free text cleared: the fields go, their clocks stay (merge clears them). */
function withoutFreeText(v: Versioned): Versioned {
  const data = { ...v.data };
  for (const k of VISIT_FREE_TEXT) delete data[k];
  return { data, clocks: v.clocks };
}
