import type { EntityName } from '../../domain/records';
import { isUuid } from '../../domain/ids';
import type { AuthorLookups } from '../../domain/authorship';
import type { PushRequest } from '../../protocol/sync';
import type { Sql } from '../store/store';
import { loadRecords, recordKey, type StoredRecord } from './recordsRepo';

type Op = PushRequest['ops'][number];
export interface ValidOp {
  op: Op;
  entity: EntityName;
}

/**
 * The batch's records, plus those they point at: households and mentees (to place them in
 * villages), mentees' households (for pairings), resident mentors (to check a pairing's mentor)
 * and the visits that visits correct (to check they are of the same household).
 */
export async function loadWorkingSet(
  tx: Sql,
  commune: string,
  valid: ValidOp[],
): Promise<Map<string, StoredRecord>> {
  const keys = new Map<string, { entity: string; id: string }>();
  const add = (entity: string, id: unknown) => {
    if (typeof id === 'string') keys.set(recordKey(entity, id), { entity, id });
  };
  for (const { op, entity } of valid) {
    add(entity, op.id);
    add('household', op.fields.householdId);
    add('member', op.fields.menteeId);
    add('member', op.fields.memberId);
    if (entity === 'mentorship') add('member', op.fields.mentorId);
    if (entity === 'visit') add('visit', op.fields.correctsId);
  }
  const state = await loadRecords(tx, commune, [...keys.values()]);
  const more = new Map<string, { entity: string; id: string }>();
  for (const rec of state.values()) {
    for (const [entity, field] of [
      ['household', 'householdId'],
      ['member', 'menteeId'],
    ] as const) {
      const id = rec.data[field];
      if (typeof id === 'string' && !state.has(recordKey(entity, id)))
        more.set(recordKey(entity, id), { entity, id });
    }
  }
  for (const [k, v] of await loadRecords(tx, commune, [...more.values()])) state.set(k, v);
  // Mentees' households, for mentorships.
  const households = new Map<string, { entity: string; id: string }>();
  for (const rec of state.values()) {
    const h = rec.entity === 'member' ? rec.data.householdId : undefined;
    if (typeof h === 'string' && !state.has(recordKey('household', h)))
      households.set(recordKey('household', h), { entity: 'household', id: h });
  }
  for (const [k, v] of await loadRecords(tx, commune, [...households.values()])) state.set(k, v);
  return state;
}

/** The accounts named as volunteer mentors in the batch, with the villages they serve. */
export async function loadMentorAccounts(
  tx: Sql,
  commune: string,
  valid: ValidOp[],
): Promise<Map<string, { villageIds: string[] }>> {
  const ids = [
    ...new Set(
      valid.flatMap(({ op, entity }) => {
        const id = op.fields.mentorId;
        return entity === 'mentorship' && typeof id === 'string' && isUuid(id) ? [id] : [];
      }),
    ),
  ];
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ id: string; village_ids: string[] }>(
    `SELECT u.id::text AS id,
            coalesce(array_agg(uv.village_id::text) FILTER (WHERE uv.village_id IS NOT NULL), '{}')
              AS village_ids
       FROM users u
       LEFT JOIN user_villages uv ON uv.commune_code = u.commune_code AND uv.user_id = u.id
      WHERE u.commune_code = $1 AND u.id = ANY($2::uuid[]) AND NOT u.disabled
      GROUP BY u.id`,
    [commune, ids],
  );
  return new Map(rows.map((r) => [r.id, { villageIds: r.village_ids }]));
}

/** The lookups the authorship check needs, over the working set and the mentor accounts. */
export function authorLookups(
  state: Map<string, StoredRecord>,
  accounts: Map<string, { villageIds: string[] }>,
): AuthorLookups {
  return {
    user: (id) => accounts.get(id),
    isMember: (id) => {
      const m = state.get(recordKey('member', id));
      return m !== undefined && m.data.deleted !== true;
    },
  };
}
