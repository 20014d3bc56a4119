import { VIETNAM_OFFSET_MS } from '../../src/domain/calendar';
import type { MentorshipFacts } from '../../src/domain/mentorship';
import type { HouseholdFacts, MemberFacts, VisitFacts } from '../../src/domain/modelInputs';
import type { TraderFacts } from '../../src/domain/trader4t';

/** Hand-built records for the models' tests: a blank resident, household, visit, pairing. */

export function household(id: string, over: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return {
    id,
    villageId: 'thon-1',
    address: `Nhà ${id}`,
    headName: 'Chủ hộ',
    status: 'active',
    flagPoor: false,
    flagNearPoor: false,
    flagMinority: false,
    flagElderlyAlone: false,
    flagDisability: false,
    ...over,
  };
}

/** A resident born in 1980 who has done nothing digital yet. */
export function member(
  id: string,
  householdId: string,
  over: Partial<MemberFacts> = {},
): MemberFacts {
  return {
    id,
    householdId,
    villageId: 'thon-1',
    name: `Người ${id}`,
    birthYear: 1980,
    gender: 'female',
    relation: 'other',
    smartphone: false,
    vneid: 'none',
    cashless: false,
    onlineServices: false,
    platform: 'none',
    platformVerified: false,
    skills: [],
    ...over,
  };
}

/** Has learned, knows the five skills and guides the family. */
export const CHAMPION: Partial<MemberFacts> = {
  platform: 'completed',
  gdsPublicServices: true,
  gdsShopping: true,
  gdsPayment: true,
  gdsSafety: true,
  gdsLocalPlatform: true,
  guidesFamily: true,
};

/** Noon, Vietnam time, on a day. */
export function noonOn(day: string): number {
  return Date.parse(`${day}T12:00:00Z`) - VIETNAM_OFFSET_MS;
}

export function visit(
  id: string,
  householdId: string,
  day: string,
  over: Partial<VisitFacts> = {},
): VisitFacts {
  return {
    id,
    householdId,
    villageId: 'thon-1',
    volunteerId: 'tnv-a',
    at: noonOn(day),
    presentMemberIds: [],
    tasks: [],
    outcome: 'done',
    followUpDate: null,
    ...over,
  };
}

export function pairing(
  id: string,
  mentorId: string,
  menteeId: string,
  over: Partial<MentorshipFacts> = {},
): MentorshipFacts {
  return {
    id,
    mentorId,
    mentorKind: 'volunteer',
    menteeId,
    villageId: 'thon-1',
    startDate: '2027-01-10',
    status: 'active',
    skills: [],
    ...over,
  };
}

export function trader(id: string, over: Partial<TraderFacts> = {}): TraderFacts {
  return {
    id,
    memberId: `m-${id}`,
    householdId: `h-${id}`,
    villageId: 'thon-1',
    businessName: `Sạp ${id}`,
    ...over,
  };
}
