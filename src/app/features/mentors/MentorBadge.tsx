import { mentorProgress, type MentorshipFacts } from '../../../domain/mentorship';
import { mentorships, useLive } from '../../db';

/** "3/5": a mentor's mentees against the rule of at least five, shown wherever a mentor appears. */
export function MentorBadge({ label, reached }: { label: string; reached: boolean }) {
  return (
    <span
      className={`badge ${reached ? 'badge-online' : 'badge-offline'}`}
      aria-label={`Đại sứ số: ${label} người học`}
      data-testid="mentor-badge"
    >
      {label}
    </span>
  );
}

/** The badge of one mentor, read live; nothing when the person mentors nobody. */
export function MentorBadgeFor({ mentorId }: { mentorId: string }) {
  const pairings = useLive(() => mentorships.ofMentor(mentorId), [mentorId]);
  if (!pairings || !pairings.some((p: MentorshipFacts) => !p.deleted)) return null;
  const p = mentorProgress(mentorId, pairings);
  return (
    <>
      {' '}
      <span className="muted">Đại sứ số</span> <MentorBadge label={p.label} reached={p.reached} />
    </>
  );
}
