import type { EntityName, Fields, Versioned } from './records';

/**
 * Fields that say who did something are checked against the caller the server knows from the
 * token, never taken on a phone's word: a visit's volunteer, who registered a household, who
 * confirmed its "Gia đình số", a pairing's mentor.
 */
export type AuthorshipError = 'author_mismatch' | 'leader_only';

export interface Caller {
  userId: string;
  role: 'volunteer' | 'leader' | 'officer';
}

export interface AuthorLookups {
  /** An account of the caller's commune: its role and villages; undefined when there is none. */
  user(id: string): { villageIds: readonly string[] } | undefined;
  /** Is this a (not deleted) member record of the commune? */
  isMember(id: string): boolean;
}

const CONFIRMERS = new Set<Caller['role']>(['leader', 'officer']);
const has = (o: Fields, k: string) => Object.hasOwn(o, k);

function householdAuthors(caller: Caller, current: Versioned | undefined, fields: Fields) {
  if (has(fields, 'createdBy')) {
    const creator = current?.data.createdBy;
    const expected = typeof creator === 'string' ? creator : caller.userId;
    if (fields.createdBy !== expected) return 'author_mismatch';
  }
  if (has(fields, 'gdsConfirmedBy') || has(fields, 'gdsConfirmedAt')) {
    if (!CONFIRMERS.has(caller.role)) return 'leader_only';
    const by = fields.gdsConfirmedBy;
    if (by !== undefined && by !== null && by !== caller.userId) return 'author_mismatch';
  }
  return null;
}

function mentorAuthors(
  caller: Caller,
  current: Versioned | undefined,
  fields: Fields,
  village: string | null | undefined,
  lookups: AuthorLookups,
) {
  if (!has(fields, 'mentorId') && !has(fields, 'mentorKind')) return null;
  const mentorId = has(fields, 'mentorId') ? fields.mentorId : current?.data.mentorId;
  const kind = has(fields, 'mentorKind') ? fields.mentorKind : current?.data.mentorKind;
  if (typeof mentorId !== 'string') return 'author_mismatch';
  // A volunteer does not take over another volunteer's pairing (nor hand one over).
  const before = current?.data;
  if (
    caller.role === 'volunteer' &&
    before?.mentorKind === 'volunteer' &&
    before.mentorId !== caller.userId &&
    (mentorId !== before.mentorId || kind !== before.mentorKind)
  )
    return 'author_mismatch';
  if (kind === 'resident') return lookups.isMember(mentorId) ? null : 'author_mismatch';
  if (mentorId === caller.userId) return null;
  // A volunteer is their own mentor; a leader names a volunteer of the pairing's village; an
  // officer any account of the commune.
  const user = lookups.user(mentorId);
  if (caller.role === 'officer') return user ? null : 'author_mismatch';
  if (caller.role === 'leader' && user && typeof village === 'string')
    return user.villageIds.includes(village) ? null : 'author_mismatch';
  return 'author_mismatch';
}

/** The field that names who made a record of this entity, stamped by the server when absent. */
const AUTHOR_FIELD: Partial<Record<EntityName, string>> = {
  visit: 'volunteerId',
  household: 'createdBy',
};

/**
 * A new visit or household that does not say who made it is the caller's: the server stamps the
 * author from the token (a record without an author is never kept). The phone receives the
 * stamped field with its next pull.
 */
export function withAuthors(
  caller: Caller,
  entity: EntityName,
  current: Versioned | undefined,
  fields: Fields,
): Fields {
  const field = AUTHOR_FIELD[entity];
  if (!field || current !== undefined || has(fields, field)) return fields;
  return { ...fields, [field]: caller.userId };
}

/** Null when every "who did it" field of the write is the caller's to state. */
export function authorshipError(
  caller: Caller,
  entity: EntityName,
  current: Versioned | undefined,
  fields: Fields,
  village: string | null | undefined,
  lookups: AuthorLookups,
): AuthorshipError | null {
  switch (entity) {
    case 'visit':
      return has(fields, 'volunteerId') && fields.volunteerId !== caller.userId
        ? 'author_mismatch'
        : null;
    case 'household':
      return householdAuthors(caller, current, fields);
    case 'mentorship':
      return mentorAuthors(caller, current, fields, village, lookups);
    default:
      return null;
  }
}
