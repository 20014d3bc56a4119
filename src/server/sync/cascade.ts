import type { Sql } from '../store/store';

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
  const moved = await tx.query<{ entity: string; id: string; seq: number }>(
    `UPDATE records r SET village_id = $3, seq = $4 + sub.rn, updated_at = now()
       FROM (SELECT entity, id, row_number() OVER (ORDER BY entity, id) AS rn
               FROM records
              WHERE commune_code = $1 AND data ->> 'householdId' = $2
                AND entity IN ('member', 'visit', 'trader')
                AND village_id IS DISTINCT FROM $3::uuid) sub
      WHERE r.commune_code = $1 AND r.entity = sub.entity AND r.id = sub.id
      RETURNING r.entity, r.id::text AS id, r.seq::float8 AS seq`,
    [commune, householdId, villageId, seq],
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
  const moved = await tx.query(
    `UPDATE records r SET village_id = $3, seq = $4 + sub.rn, updated_at = now()
       FROM (SELECT entity, id, row_number() OVER (ORDER BY id) AS rn
               FROM records
              WHERE commune_code = $1 AND entity = 'mentorship'
                AND data ->> 'menteeId' = ANY($2::text[])
                AND village_id IS DISTINCT FROM $3::uuid) sub
      WHERE r.commune_code = $1 AND r.entity = sub.entity AND r.id = sub.id
      RETURNING r.id`,
    [commune, memberIds, villageId, seq],
  );
  return seq + moved.length;
}
