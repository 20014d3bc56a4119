import { isDay } from '../../../domain/calendar';
import {
  MENTORSHIP_STATUSES,
  type MentorshipFacts,
  type MentorshipStatus,
} from '../../../domain/mentorship';
import type { EntityRow } from '../../db/schema';

const s = (v: unknown) => (typeof v === 'string' ? v : '');

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
