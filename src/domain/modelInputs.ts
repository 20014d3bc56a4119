import {
  PRIORITY_FLAGS,
  type Household,
  type Member,
  type PriorityFlag,
  type Visit,
} from './entities';
import { MIN_BIRTH_YEAR } from './dateBounds';

/**
 * The plain records the movement's models (Gia đình số, Đại sứ số, 4T, digital identity) and the
 * indicators read: the field records of entities.ts, loosened so that a half-synced row (a field
 * not yet arrived, a tombstone) is still a valid input. The same arrays come from Dexie on the
 * device and from SQL on the server.
 */

/** The Gia đình số checklist fields of a member (flat booleans, so each merges on its own). */
export interface GdsMemberFields {
  gdsPublicServices?: boolean;
  gdsShopping?: boolean;
  gdsPayment?: boolean;
  gdsSafety?: boolean;
  gdsLocalPlatform?: boolean;
  guidesFamily?: boolean;
}

export type MemberFacts = { id: string } & Pick<Member, 'householdId' | 'villageId'> &
  Partial<Omit<Member, 'householdId' | 'villageId' | 'birthYear'>> &
  GdsMemberFields & {
    /** Unknown when missing, null or implausible. */
    birthYear?: number | null;
  };

export type HouseholdFacts = { id: string } & Pick<Household, 'villageId'> &
  Partial<Omit<Household, 'villageId'>> & {
    deleted?: boolean;
    /** A team leader's confirmation of the computed Gia đình số status. */
    gdsConfirmedBy?: string | null;
    gdsConfirmedAt?: number | null;
  };

export type VisitFacts = { id: string } & Pick<Visit, 'householdId' | 'volunteerId' | 'at'> &
  Partial<Omit<Visit, 'householdId' | 'volunteerId' | 'at'>> & { deleted?: boolean };

export function isLiveHousehold(h: HouseholdFacts): boolean {
  return !h.deleted && h.status !== 'moved_away';
}

/** Members that count: not deleted, and belonging to a live household of the given list. */
export function liveMembers(
  households: readonly HouseholdFacts[],
  members: readonly MemberFacts[],
): MemberFacts[] {
  const live = new Set(households.filter(isLiveHousehold).map((h) => h.id));
  return members.filter((m) => !m.deleted && live.has(m.householdId));
}

/** Age reached during `year`, or null when the birth year is unknown or implausible. */
export function knownAge(birthYear: number | null | undefined, year: number): number | null {
  if (typeof birthYear !== 'number' || !Number.isInteger(birthYear)) return null;
  if (birthYear < MIN_BIRTH_YEAR || birthYear > year) return null;
  return year - birthYear;
}

export function priorityFlagsOf(h: HouseholdFacts): PriorityFlag[] {
  return PRIORITY_FLAGS.filter((flag) => h[flag] === true);
}

/** Visits that count: not tombstoned, and not superseded by a correction. */
export function effectiveVisits(visits: readonly VisitFacts[]): VisitFacts[] {
  const corrected = new Set(
    visits.filter((v) => !v.deleted && v.correctsId).map((v) => v.correctsId),
  );
  return visits.filter((v) => !v.deleted && !corrected.has(v.id));
}

/**
 * A sorted copy by a tuple of strings, each row's key computed once (for long lists: households,
 * residents). Field by field, so shared village ids compare at pointer speed.
 */
export function sortBy<T>(rows: readonly T[], key: (t: T) => readonly string[]): T[] {
  const keyed = rows.map((row) => ({ row, k: key(row) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.k.length; i++) {
      const x = a.k[i] as string;
      const y = b.k[i] as string;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  return keyed.map((x) => x.row);
}

/** Compares by a string key, for deterministic orders on both device and server. */
export function byKey<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

export function groupBy<T>(rows: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
