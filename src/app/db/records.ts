import { isDay } from '../../domain/calendar';
import type { Household, Member, Visit, WithId } from '../../domain/entities';
import {
  MENTORSHIP_STATUSES,
  type MentorshipFacts,
  type MentorshipStatus,
} from '../../domain/mentorship';
import { TRADER_STAGES, type TraderFacts } from '../../domain/trader4t';
import type { EntityRow } from './rows';

/**
 * Device rows typed as field records. Rows arrive through sync too, so a field may be missing
 * while a record is half-synced: these views give every field a safe default.
 */
export type HouseholdRow = WithId<Household>;
export type MemberRow = WithId<Member>;
export type VisitRow = WithId<Visit>;

const s = (v: unknown) => (typeof v === 'string' ? v : '');
const b = (v: unknown) => v === true;
const n = (v: unknown) => (typeof v === 'number' ? v : 0);
const arr = (v: unknown) =>
  Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as string[]) : [];

export function asHousehold(r: EntityRow): HouseholdRow {
  return {
    id: r.id,
    villageId: s(r.villageId),
    address: s(r.address),
    headName: s(r.headName),
    ...(typeof r.phone === 'string' && r.phone !== '' ? { phone: r.phone } : {}),
    flagPoor: b(r.flagPoor),
    flagNearPoor: b(r.flagNearPoor),
    flagMinority: b(r.flagMinority),
    flagElderlyAlone: b(r.flagElderlyAlone),
    flagDisability: b(r.flagDisability),
    status: r.status === 'moved_away' ? 'moved_away' : 'active',
    ...(typeof r.code === 'string' ? { code: r.code } : {}),
    createdAt: n(r.createdAt),
    createdBy: s(r.createdBy),
    gdsConfirmedBy: typeof r.gdsConfirmedBy === 'string' ? r.gdsConfirmedBy : null,
    gdsConfirmedAt: typeof r.gdsConfirmedAt === 'number' ? r.gdsConfirmedAt : null,
    ...(r.deleted === true ? { deleted: true } : {}),
  };
}

export function asMember(r: EntityRow): MemberRow {
  return {
    id: r.id,
    householdId: s(r.householdId),
    villageId: s(r.villageId),
    name: s(r.name),
    birthYear: n(r.birthYear),
    gender: r.gender === 'female' ? 'female' : r.gender === 'other' ? 'other' : 'male',
    relation: (s(r.relation) || 'other') as Member['relation'],
    smartphone: b(r.smartphone),
    vneid: r.vneid === 'level1' || r.vneid === 'level2' ? r.vneid : 'none',
    cashless: b(r.cashless),
    onlineServices: b(r.onlineServices),
    platform: r.platform === 'learning' || r.platform === 'completed' ? r.platform : 'none',
    platformVerified: b(r.platformVerified),
    skills: arr(r.skills),
    gdsPublicServices: b(r.gdsPublicServices),
    gdsShopping: b(r.gdsShopping),
    gdsPayment: b(r.gdsPayment),
    gdsSafety: b(r.gdsSafety),
    gdsLocalPlatform: b(r.gdsLocalPlatform),
    guidesFamily: b(r.guidesFamily),
    ...(r.deleted === true ? { deleted: true } : {}),
  };
}

export function asVisit(r: EntityRow): VisitRow {
  return {
    id: r.id,
    householdId: s(r.householdId),
    villageId: s(r.villageId),
    volunteerId: s(r.volunteerId),
    at: n(r.at),
    presentMemberIds: arr(r.presentMemberIds),
    tasks: arr(r.tasks) as Visit['tasks'],
    otherTask: s(r.otherTask),
    outcome: (s(r.outcome) || 'done') as Visit['outcome'],
    followUpDate: typeof r.followUpDate === 'string' ? r.followUpDate : null,
    notes: s(r.notes),
    ...(typeof r.correctsId === 'string' ? { correctsId: r.correctsId } : {}),
  };
}

/** A device row as a pairing; a half-synced row gets safe defaults. */
export function asMentorship(r: EntityRow): MentorshipFacts {
  const status = (MENTORSHIP_STATUSES as readonly unknown[]).includes(r.status)
    ? (r.status as MentorshipStatus)
    : 'active';
  return {
    id: r.id,
    mentorId: s(r.mentorId),
    mentorKind: r.mentorKind === 'resident' ? 'resident' : 'volunteer',
    menteeId: s(r.menteeId),
    villageId: s(r.villageId),
    startDate: isDay(r.startDate) ? r.startDate : '',
    status,
    skills: Array.isArray(r.skills) ? r.skills.filter((x) => typeof x === 'string') : [],
    ...(r.deleted === true ? { deleted: true } : {}),
  };
}

/** A device row as a trader; a half-synced row gets safe defaults. */
export function asTrader(r: EntityRow): TraderFacts {
  const t: TraderFacts = {
    id: r.id,
    memberId: s(r.memberId),
    householdId: s(r.householdId),
    villageId: s(r.villageId),
    businessName: s(r.businessName),
    ...(r.deleted === true ? { deleted: true } : {}),
  };
  for (const stage of TRADER_STAGES) {
    const on = r[stage.field];
    t[stage.field] = isDay(on) ? on : null;
  }
  return t;
}
