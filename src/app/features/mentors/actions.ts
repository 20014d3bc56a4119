import type { Day } from '../../../domain/calendar';
import type { MemberFacts } from '../../../domain/modelInputs';
import {
  checkPairing,
  type MentorKind,
  type MentorshipError,
  type MentorshipFacts,
  type MentorshipStatus,
} from '../../../domain/mentorship';
import { members, mentorships, newId, writeAll } from '../../db';

export type PairingResult = { ok: true; id: string } | { ok: false; error: MentorshipError };

/**
 * Pairs a mentor with a mentee, refusing what checkPairing refuses (a resident's second active
 * mentor, for one). Reads the device's pairings of that mentee right before writing.
 */
export async function createPairing(
  mentor: { id: string; kind: MentorKind },
  menteeId: string,
  today: Day,
): Promise<PairingResult> {
  const [menteeRow, existing] = await Promise.all([
    members.get(menteeId),
    mentorships.ofMentee(menteeId),
  ]);
  const mentee: MemberFacts | null = menteeRow ?? null;
  const pairing: MentorshipFacts = {
    id: newId(),
    mentorId: mentor.id,
    mentorKind: mentor.kind,
    menteeId,
    villageId: mentee?.villageId ?? '',
    startDate: today,
    status: 'active',
    skills: [],
  };
  const check = checkPairing(pairing, existing, mentee ? [mentee] : [], today);
  if (!check.ok) return { ok: false, error: check.error };
  const { id, ...fields } = pairing;
  await writeAll([{ entity: 'mentorship', id, fields }]);
  return { ok: true, id };
}

/**
 * Changes a pairing's status. Making a stopped or completed pairing active again is checked like
 * a new pairing (the mentee may have another active mentor by now).
 */
export async function setPairingStatus(
  pairing: MentorshipFacts,
  status: MentorshipStatus,
  today: Day,
): Promise<PairingResult> {
  if (status === 'active') {
    const [mentee, others] = await Promise.all([
      members.get(pairing.menteeId),
      mentorships.ofMentee(pairing.menteeId),
    ]);
    const check = checkPairing({ ...pairing, status }, others, mentee ? [mentee] : [], today);
    if (!check.ok) return { ok: false, error: check.error };
  }
  await writeAll([{ entity: 'mentorship', id: pairing.id, fields: { status } }]);
  return { ok: true, id: pairing.id };
}

/** The framework skills a pairing covers (the whole list: it is one field). */
export async function setPairingSkills(id: string, skills: string[]) {
  await writeAll([{ entity: 'mentorship', id, fields: { skills: [...new Set(skills)].sort() } }]);
}
