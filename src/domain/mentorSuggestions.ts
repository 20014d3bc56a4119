import { memberReadiness, READINESS_MIN_AGE, type ReadinessGap } from './readiness';
import type { MentorshipFacts } from './mentorship';
import { knownAge, liveMembers, type HouseholdFacts, type MemberFacts } from './modelInputs';

export interface MenteeSuggestion {
  memberId: string;
  householdId: string;
  name: string;
  gaps: ReadinessGap[];
  /** Framework skills already guided. */
  skills: number;
}

/** A member's readiness gaps; an unknown birth year is treated as an adult's (ask at the door). */
function gapsOf(m: MemberFacts, year: number): ReadinessGap[] | null {
  const age = knownAge(m.birthYear, year);
  if (age !== null && age < READINESS_MIN_AGE) return null;
  return memberReadiness(
    {
      birthYear: age === null ? year - READINESS_MIN_AGE : year - age,
      smartphone: m.smartphone ?? false,
      vneid: m.vneid ?? 'none',
      cashless: m.cashless ?? false,
      onlineServices: m.onlineServices ?? false,
      platform: m.platform ?? 'none',
    },
    year,
  ).gaps;
}

/**
 * Who a mentor could take on next: residents aged 16+ of the same village, not the mentor, with no
 * mentor yet (no active or completed pairing; a stopped one does not count) and lacking skills.
 * The ones lacking most come first, then fewer guided skills, then by name.
 */
export function suggestMentees(
  mentorId: string,
  villageId: string,
  data: {
    households: readonly HouseholdFacts[];
    members: readonly MemberFacts[];
    mentorships: readonly MentorshipFacts[];
  },
  year: number,
  limit = 10,
): MenteeSuggestion[] {
  const mentored = new Set(
    data.mentorships.filter((p) => !p.deleted && p.status !== 'stopped').map((p) => p.menteeId),
  );
  const out: MenteeSuggestion[] = [];
  for (const m of liveMembers(data.households, data.members)) {
    if (m.villageId !== villageId || m.id === mentorId || mentored.has(m.id)) continue;
    const gaps = gapsOf(m, year);
    if (!gaps || gaps.length === 0) continue;
    out.push({
      memberId: m.id,
      householdId: m.householdId,
      name: m.name ?? '',
      gaps,
      skills: m.skills?.length ?? 0,
    });
  }
  return out
    .sort(
      (a, b) =>
        b.gaps.length - a.gaps.length ||
        a.skills - b.skills ||
        a.name.localeCompare(b.name, 'vi') ||
        (a.memberId < b.memberId ? -1 : 1),
    )
    .slice(0, limit);
}
