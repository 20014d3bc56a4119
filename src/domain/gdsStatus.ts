import type { HouseholdFacts, MemberFacts, VisitFacts } from './modelInputs';
import { effectiveVisits, groupBy } from './modelInputs';

/**
 * "Gia đình số" per household, computed (never typed by hand) from the members' records and visits.
 * National guidance (seeds 002 row 2, 004 §6.3): at least one member who has learned, knows the five
 * basic skills (online public services, online shopping, online payment, self-protection online, one
 * local platform) and guides the rest of the family.
 */
export const GDS_SKILLS = [
  'gdsPublicServices',
  'gdsShopping',
  'gdsPayment',
  'gdsSafety',
  'gdsLocalPlatform',
] as const;
export type GdsSkill = (typeof GDS_SKILLS)[number];

/** Everything one member must meet, in the order a volunteer checks them. */
export const GDS_REQUIREMENTS = ['learned', ...GDS_SKILLS, 'guidesFamily'] as const;
export type GdsRequirement = (typeof GDS_REQUIREMENTS)[number];

export const GDS_REQUIREMENT_LABELS: Record<GdsRequirement, string> = {
  learned: 'Tham gia học tập (nền tảng Bình dân học vụ số hoặc được hướng dẫn)',
  gdsPublicServices: 'Dùng dịch vụ công trực tuyến',
  gdsShopping: 'Mua sắm trực tuyến',
  gdsPayment: 'Thanh toán trực tuyến',
  gdsSafety: 'Tự bảo vệ trên môi trường mạng',
  gdsLocalPlatform: 'Dùng một nền tảng số của địa phương',
  guidesFamily: 'Hướng dẫn các thành viên trong gia đình',
};

type GdsMember = Pick<
  MemberFacts,
  'id' | 'platform' | 'skills' | 'onlineServices' | 'cashless' | 'guidesFamily' | GdsSkill
>;

/** Which skill a member's other records already prove (used online services; pays cashless). */
function hasSkill(m: GdsMember, skill: GdsSkill): boolean {
  if (m[skill] === true) return true;
  if (skill === 'gdsPublicServices') return m.onlineServices === true;
  if (skill === 'gdsPayment') return m.cashless === true;
  return false;
}

/** Knows all five basic skills of the national guidance. */
export function knowsFiveSkills(m: GdsMember): boolean {
  return GDS_SKILLS.every((skill) => hasSkill(m, skill));
}

/** Learned: enrolled on or completed the national platform, or guided in skills (record or visit). */
function hasLearned(m: GdsMember, guidedAtVisit: ReadonlySet<string>): boolean {
  if (m.platform === 'learning' || m.platform === 'completed') return true;
  if ((m.skills?.length ?? 0) > 0) return true;
  return guidedAtVisit.has(m.id);
}

/** What one member still lacks; guiding is waived for a household of one (nobody to guide). */
export function gdsMissingFor(
  m: GdsMember,
  householdSize: number,
  guidedAtVisit: ReadonlySet<string> = new Set(),
): GdsRequirement[] {
  const missing: GdsRequirement[] = [];
  if (!hasLearned(m, guidedAtVisit)) missing.push('learned');
  for (const skill of GDS_SKILLS) if (!hasSkill(m, skill)) missing.push(skill);
  if (householdSize > 1 && m.guidesFamily !== true) missing.push('guidesFamily');
  return missing;
}

export interface GdsStatus {
  householdId: string;
  qualified: boolean;
  /** The member who qualifies the household, or the one closest to it; null with no members. */
  memberId: string | null;
  /** What that member still lacks (all requirements when nobody lives there). */
  missing: GdsRequirement[];
  /** A leader's confirmation; it stands only while the computed status is still "đạt". */
  confirmed: { by: string; at: number } | null;
}

/**
 * The household's status. `members` and `visits` may hold other households' rows; only this
 * household's live members and effective visits are read.
 */
export function gdsStatus(
  household: HouseholdFacts,
  members: readonly MemberFacts[],
  visits: readonly VisitFacts[] = [],
): GdsStatus {
  const own = members
    .filter((m) => m.householdId === household.id && !m.deleted)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const guided = new Set<string>();
  for (const v of effectiveVisits(visits)) {
    if (v.householdId !== household.id || !(v.tasks?.length ?? 0)) continue;
    for (const id of v.presentMemberIds ?? []) guided.add(id);
  }
  let best: { memberId: string; missing: GdsRequirement[] } | null = null;
  for (const m of own) {
    const missing = gdsMissingFor(m, own.length, guided);
    if (!best || missing.length < best.missing.length) best = { memberId: m.id, missing };
  }
  const qualified = best !== null && best.missing.length === 0;
  const by = household.gdsConfirmedBy;
  const at = household.gdsConfirmedAt;
  return {
    householdId: household.id,
    qualified,
    memberId: best?.memberId ?? null,
    missing: best ? best.missing : [...GDS_REQUIREMENTS],
    confirmed: qualified && by && typeof at === 'number' ? { by, at } : null,
  };
}

const statusCache = new WeakMap<
  readonly MemberFacts[],
  {
    households: readonly HouseholdFacts[];
    visits: readonly VisitFacts[];
    result: Map<string, GdsStatus>;
  }
>();

/**
 * Every household's status at once: members and visits are grouped first (linear in the rows).
 * The result is remembered for the same three arrays (inputs are never mutated), so a dashboard's
 * indicators and to-do lists compute it once.
 */
export function gdsStatuses(
  households: readonly HouseholdFacts[],
  members: readonly MemberFacts[],
  visits: readonly VisitFacts[] = [],
): ReadonlyMap<string, GdsStatus> {
  const cached = statusCache.get(members);
  if (cached && cached.households === households && cached.visits === visits) return cached.result;
  const result = computeStatuses(households, members, visits);
  statusCache.set(members, { households, visits, result });
  return result;
}

function computeStatuses(
  households: readonly HouseholdFacts[],
  members: readonly MemberFacts[],
  visits: readonly VisitFacts[],
): Map<string, GdsStatus> {
  const membersOf = groupBy(members, (m) => m.householdId);
  const visitsOf = groupBy(visits, (v) => v.householdId);
  return new Map(
    households.map((h) => [
      h.id,
      gdsStatus(h, membersOf.get(h.id) ?? [], visitsOf.get(h.id) ?? []),
    ]),
  );
}
