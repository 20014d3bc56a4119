import { isTombstone } from '../../domain/tombstone';
import type { Sql } from '../store/store';
import type { KeptRecord } from '../sync/deletions';
import { loadRecords, recordKey, type StoredRecord } from '../sync/recordsRepo';

/** The records a trader or a pairing points at, besides the one it lives under. */
const POINTERS: Record<string, Record<string, 'household' | 'member'>> = {
  trader: { householdId: 'household', memberId: 'member' },
  mentorship: { menteeId: 'member', mentorId: 'member' },
  member: { householdId: 'household' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The records `rec` points at, as keys (a volunteer mentor's id names no record: none found). */
export function pointsAt(rec: StoredRecord): { entity: string; id: string }[] {
  return Object.entries(POINTERS[rec.entity] ?? {}).flatMap(([field, entity]) => {
    const id = rec.data[field];
    return typeof id === 'string' && UUID.test(id) ? [{ entity, id }] : [];
  });
}

/**
 * Of the records a restore would bring back, those that point at a record deleted by another
 * deletion (a trader of a member whose household was deleted since, say): each with the deleted
 * record it points at. Brought back, such a record would show a deleted person's business or
 * pairing, and that other deletion's erase would miss it (its delete took nothing already deleted).
 */
export async function strandedBy(
  tx: Sql,
  commune: string,
  restoring: Map<string, StoredRecord>,
): Promise<Map<string, { entity: string; id: string }>> {
  const targets = [...restoring.values()].flatMap(pointsAt);
  const outside = targets.filter((t) => !restoring.has(recordKey(t.entity, t.id)));
  const found = await loadRecords(tx, commune, outside);
  const stranded = new Map<string, { entity: string; id: string }>();
  for (const rec of restoring.values()) {
    const gone = pointsAt(rec).find((t) => {
      const target = found.get(recordKey(t.entity, t.id));
      return target !== undefined && isTombstone(target);
    });
    if (gone) stranded.set(recordKey(rec.entity, rec.id), gone);
  }
  return stranded;
}

/**
 * A stranded record stays deleted, and its kept copy moves to the open deletion that holds the
 * record it points at: restoring that one brings it back, erasing it erases the copy too. With no
 * such deletion (erased, or older than 30 days) the copy is dropped: it stays deleted for good.
 */
export async function handOver(
  tx: Sql,
  commune: string,
  copies: {
    kept: KeptRecord;
    deletedClock: string | undefined;
    target: { entity: string; id: string };
  }[],
): Promise<void> {
  for (const { kept, deletedClock, target } of copies) {
    const [row] = await tx.query<{ id: string }>(
      `SELECT id::text AS id FROM deleted_records
        WHERE commune_code = $1 AND status = 'deleted' AND records @> $2::jsonb
        ORDER BY at DESC LIMIT 1 FOR UPDATE`,
      [commune, JSON.stringify([{ entity: target.entity, id: target.id }])],
    );
    if (!row) continue;
    const copy: KeptRecord = { ...kept, ...(deletedClock ? { deletedClock } : {}) };
    await tx.query(
      `UPDATE deleted_records SET records = coalesce(records, '[]'::jsonb) || $3::jsonb
        WHERE commune_code = $1 AND id = $2`,
      [commune, row.id, JSON.stringify([copy])],
    );
  }
}
