import { activeMentorConflicts, menteesMoved } from '../../../domain/mentorship';
import { href, navigate } from '../../platform/router';
import type { ModelData } from './useModelData';

/**
 * What sync can leave behind and a leader should settle: a resident paired by two offline phones
 * (two active mentors: keep the earliest), and active pairings whose mentee moved village.
 */
export function PairingProblems({
  data,
  mentorName,
}: {
  data: ModelData;
  mentorName(id: string): string;
}) {
  const conflicts = activeMentorConflicts(data.mentorships);
  const moved = menteesMoved(data.mentorships, data.members);
  if (conflicts.length === 0 && moved.length === 0) return null;
  const name = (id: string) => data.members.find((m) => m.id === id)?.name ?? '—';
  const mentorOf = (pairingId: string) =>
    data.mentorships.find((p) => p.id === pairingId)?.mentorId ?? '';
  return (
    <section className="card" aria-label="Cần xử lý">
      <h2>Cần xử lý</h2>
      <ul>
        {conflicts.map((c) => (
          <li key={c.menteeId}>
            {name(c.menteeId)} có {c.pairingIds.length} đại sứ số cùng đang hướng dẫn (
            {c.pairingIds.map((id) => mentorName(mentorOf(id))).join(', ')}). Hãy chuyển các cặp sau
            sang “Dừng”, giữ cặp đầu tiên.
          </li>
        ))}
        {moved.map((m) => (
          <li key={m.pairingId}>
            <button
              type="button"
              className="btn"
              onClick={() => navigate(href('/dai-su-so/:id', { id: mentorOf(m.pairingId) }))}
            >
              {name(m.menteeId)} đã chuyển sang thôn khác: xem lại cặp với{' '}
              {mentorName(mentorOf(m.pairingId))}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
