/**
 * Field-work records as they travel on the wire and sit on the device: flat, stable field names.
 * Codes live here; their Vietnamese labels live in the app (src/app/features/labels.ts).
 */

export const VNEID_LEVELS = ['none', 'level1', 'level2'] as const;
export type VneidLevel = (typeof VNEID_LEVELS)[number];

export const PLATFORM_STATUSES = ['none', 'learning', 'completed'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

export const GENDERS = ['male', 'female', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const RELATIONS = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const HOUSEHOLD_STATUSES = ['active', 'moved_away'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

/** The priority flags of a household, in the order the forms show them. */
export const PRIORITY_FLAGS = [
  'flagPoor',
  'flagNearPoor',
  'flagMinority',
  'flagElderlyAlone',
  'flagDisability',
] as const;
export type PriorityFlag = (typeof PRIORITY_FLAGS)[number];

/** The common tasks of a doorstep visit. */
export const VISIT_TASKS = [
  'cai_vneid',
  'kich_hoat_muc_2',
  'cai_app_ngan_hang',
  'tao_ma_qr_thanh_toan',
  'nop_ho_so_dvc',
  'cai_vssid',
  'nhan_dien_lua_dao',
  'khac',
] as const;
export type VisitTask = (typeof VISIT_TASKS)[number];

export const VISIT_OUTCOMES = ['done', 'partly', 'follow_up', 'not_home', 'refused'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export interface Household extends Record<PriorityFlag, boolean> {
  villageId: string;
  address: string;
  headName: string;
  phone?: string;
  status: HouseholdStatus;
  /** The QR sticker code (set by the QR feature). */
  code?: string;
  createdAt: number;
  createdBy: string;
  /** A team leader's confirmation of the computed "Gia đình số" status: user id, ms since epoch. */
  gdsConfirmedBy?: string | null;
  gdsConfirmedAt?: number | null;
  /** A tombstone (domain/tombstone.ts): the household was deleted. */
  deleted?: boolean;
}

export interface Member {
  householdId: string;
  /** Copied from the household; the server re-derives it. */
  villageId: string;
  name: string;
  birthYear: number;
  gender: Gender;
  relation: Relation;
  smartphone: boolean;
  vneid: VneidLevel;
  cashless: boolean;
  onlineServices: boolean;
  platform: PlatformStatus;
  platformVerified: boolean;
  /** Codes of the basic digital skills framework (see skills.ts). */
  skills: string[];
  /** "Gia đình số": the five basic skills of the national guidance, and guiding the family. */
  gdsPublicServices?: boolean;
  gdsShopping?: boolean;
  gdsPayment?: boolean;
  gdsSafety?: boolean;
  gdsLocalPlatform?: boolean;
  guidesFamily?: boolean;
  deleted?: boolean;
}

/** A visit is a fact: appended once, never edited; a correction is a new visit with correctsId. */
export interface Visit {
  householdId: string;
  villageId: string;
  volunteerId: string;
  /** When it happened, ms since epoch. */
  at: number;
  presentMemberIds: string[];
  tasks: VisitTask[];
  otherTask: string;
  outcome: VisitOutcome;
  /** 'YYYY-MM-DD' or null. */
  followUpDate: string | null;
  notes: string;
  correctsId?: string;
}

export type WithId<T> = T & { id: string };

/** Age in whole years reached during `year` (birth years only: no birthdays are stored). */
export function ageIn(year: number, birthYear: number): number {
  return year - birthYear;
}

export const ADULT_AGE = 18;

/** The visits that stand: a visit corrected by a later one is replaced by it (both are kept). */
export function currentVisits<T extends { id: string; correctsId?: string }>(
  visits: readonly T[],
): T[] {
  const corrected = new Set(visits.flatMap((v) => (v.correctsId ? [v.correctsId] : [])));
  return visits.filter((v) => !corrected.has(v.id));
}
