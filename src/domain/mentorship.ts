import { isDay, type Day } from './calendar';
import type { MemberFacts } from './modelInputs';
import { byKey, groupBy } from './modelInputs';

/**
 * "Đại sứ số": a mentor (a volunteer or a capable resident) guides at least 5 mentees
 * (seed 004 §6.1: "Mỗi mentor hướng dẫn kỹ năng số cho ít nhất 5 mentee").
 */
export const MENTOR_TARGET = 5;

export const MENTOR_KINDS = ['volunteer', 'resident'] as const;
export type MentorKind = (typeof MENTOR_KINDS)[number];

/** đang hướng dẫn / hoàn thành / dừng */
export const MENTORSHIP_STATUSES = ['active', 'completed', 'stopped'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];

export interface Mentorship {
  mentorId: string;
  mentorKind: MentorKind;
  /** A member id. */
  menteeId: string;
  villageId: string;
  startDate: Day;
  status: MentorshipStatus;
  /** Framework codes covered. */
  skills: string[];
  deleted?: boolean;
}
export type MentorshipFacts = Mentorship & { id: string };

/** Pairings that count toward a mentor's 5: active or completed, not deleted. */
function counts(p: MentorshipFacts): boolean {
  return !p.deleted && p.status !== 'stopped';
}

export interface MentorProgress {
  mentorId: string;
  /** Distinct mentees guided or being guided. */
  mentees: number;
  active: number;
  target: number;
  reached: boolean;
  /** "3/5", shown wherever the mentor appears. */
  label: string;
}

export function mentorProgress(
  mentorId: string,
  pairings: readonly MentorshipFacts[],
): MentorProgress {
  const mine = pairings.filter((p) => p.mentorId === mentorId && counts(p));
  const mentees = new Set(mine.map((p) => p.menteeId)).size;
  const active = new Set(mine.filter((p) => p.status === 'active').map((p) => p.menteeId)).size;
  return {
    mentorId,
    mentees,
    active,
    target: MENTOR_TARGET,
    reached: mentees >= MENTOR_TARGET,
    label: `${mentees}/${MENTOR_TARGET}`,
  };
}

/**
 * Every mentor's progress: those named in `mentorIds` (declared mentors, even with no pairing yet)
 * and all with a live pairing. Ordered by id.
 */
export function allMentorProgress(
  pairings: readonly MentorshipFacts[],
  mentorIds: readonly string[] = [],
): MentorProgress[] {
  const ids = new Set(mentorIds);
  for (const p of pairings) if (!p.deleted) ids.add(p.mentorId);
  const byMentor = groupBy(pairings, (p) => p.mentorId);
  return [...ids].sort().map((id) => mentorProgress(id, byMentor.get(id) ?? []));
}

/** Mentors short of 5, the furthest from it first. */
export function mentorsShortOfTarget(
  pairings: readonly MentorshipFacts[],
  mentorIds: readonly string[] = [],
): MentorProgress[] {
  return allMentorProgress(pairings, mentorIds)
    .filter((p) => !p.reached)
    .sort((a, b) => a.mentees - b.mentees || (a.mentorId < b.mentorId ? -1 : 1));
}

/**
 * The mentors of a scope: those with a live pairing among `scoped`, their progress counted over
 * `all` pairings (a mentor guiding people in two villages is one mentor with one count).
 */
export function mentorsOf(
  all: readonly MentorshipFacts[],
  scoped: readonly MentorshipFacts[],
): MentorProgress[] {
  const ids = new Set(scoped.filter((p) => !p.deleted).map((p) => p.mentorId));
  return allMentorProgress(all, [...ids]).filter((p) => ids.has(p.mentorId));
}

export type MentorshipError =
  | 'mentee_has_active_mentor'
  | 'mentor_is_mentee'
  | 'mentee_unknown'
  | 'bad_start_date'
  | 'start_date_in_future';

export type PairingCheck =
  { ok: true } | { ok: false; error: MentorshipError; conflictingId?: string };

/**
 * Checks a new or edited pairing against the others: "a resident has at most one active mentor".
 * `pairing.id` is ignored among `existing`, so editing a pairing does not conflict with itself.
 */
export function checkPairing(
  pairing: MentorshipFacts,
  existing: readonly MentorshipFacts[],
  members: readonly Pick<MemberFacts, 'id' | 'deleted'>[],
  today: Day,
): PairingCheck {
  if (pairing.mentorId === pairing.menteeId) return { ok: false, error: 'mentor_is_mentee' };
  if (!members.some((m) => m.id === pairing.menteeId && !m.deleted))
    return { ok: false, error: 'mentee_unknown' };
  if (!isDay(pairing.startDate)) return { ok: false, error: 'bad_start_date' };
  if (pairing.startDate > today) return { ok: false, error: 'start_date_in_future' };
  if (pairing.status === 'active' && !pairing.deleted) {
    const other = existing.find(
      (p) =>
        p.id !== pairing.id &&
        !p.deleted &&
        p.status === 'active' &&
        p.menteeId === pairing.menteeId,
    );
    if (other) return { ok: false, error: 'mentee_has_active_mentor', conflictingId: other.id };
  }
  return { ok: true };
}

/**
 * Mentees with more than one active mentor: possible after two offline phones each paired the same
 * person. Each entry lists the pairings, the earliest start first (the one to keep).
 */
export function activeMentorConflicts(
  pairings: readonly MentorshipFacts[],
): { menteeId: string; pairingIds: string[] }[] {
  const byMentee = new Map<string, MentorshipFacts[]>();
  for (const p of pairings) {
    if (p.deleted || p.status !== 'active') continue;
    byMentee.set(p.menteeId, [...(byMentee.get(p.menteeId) ?? []), p]);
  }
  return [...byMentee.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([menteeId, list]) => ({
      menteeId,
      pairingIds: list.sort(byKey((p) => `${p.startDate}|${p.id}`)).map((p) => p.id),
    }))
    .sort(byKey((c) => c.menteeId));
}

/** Active pairings whose mentee now lives in another village than the pairing's. */
export function menteesMoved(
  pairings: readonly MentorshipFacts[],
  members: readonly Pick<MemberFacts, 'id' | 'villageId' | 'deleted'>[],
): { pairingId: string; menteeId: string; fromVillageId: string; toVillageId: string }[] {
  const villageOf = new Map(members.filter((m) => !m.deleted).map((m) => [m.id, m.villageId]));
  const out = [];
  for (const p of pairings) {
    if (p.deleted || p.status !== 'active') continue;
    const now = villageOf.get(p.menteeId);
    if (now !== undefined && now !== p.villageId)
      out.push({
        pairingId: p.id,
        menteeId: p.menteeId,
        fromVillageId: p.villageId,
        toVillageId: now,
      });
  }
  return out.sort(byKey((m) => m.pairingId));
}
