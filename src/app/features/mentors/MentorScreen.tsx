import { useEffect, useState } from 'react';
import { vietnamDay } from '../../../domain/calendar';
import {
  MENTORSHIP_STATUSES,
  mentorProgress,
  type MentorshipFacts,
  type MentorshipStatus,
} from '../../../domain/mentorship';
import { href, navigate } from '../../platform/router';
import { dayLabel } from '../../ui/format';
import { useFieldSession } from '../field/useFieldSession';
import { setPairingStatus } from './actions';
import { AddMentee } from './AddMentee';
import { KIND_LABEL, PAIRING_ERROR, STATUS_LABEL } from './labels';
import { MentorBadge } from './MentorBadge';
import { PairingSkills } from './PairingSkills';
import { mentorName } from './names';
import { useModelData } from './useModelData';
import { refreshVolunteers, useVolunteers } from './volunteers';

/** "/dai-su-so/:id": one mentor (a volunteer's user id or a resident's member id) and their mentees. */
export function MentorScreen({ id }: { id: string }) {
  const session = useFieldSession();
  const data = useModelData();
  const volunteers = useVolunteers(session);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (session) void refreshVolunteers(session);
  }, [session]);
  if (!data || !session) return null;
  const resident = data.members.find((m) => m.id === id && !m.deleted);
  const kind = resident ? 'resident' : 'volunteer';
  const progress = mentorProgress(id, data.mentorships);
  const mine = data.mentorships
    .filter((p) => p.mentorId === id && !p.deleted)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  const memberOf = new Map(data.members.map((m) => [m.id, m]));
  const today = vietnamDay(Date.now());

  async function changeStatus(p: MentorshipFacts, status: MentorshipStatus) {
    const res = await setPairingStatus(p, status, today);
    setError(res.ok ? null : PAIRING_ERROR[res.error]);
  }

  return (
    <section>
      <h1>Đại sứ số: {mentorName(id, data.members, volunteers)}</h1>
      <p>
        {KIND_LABEL[kind]} · <MentorBadge label={progress.label} reached={progress.reached} /> người
        học
        {!progress.reached && (
          <span className="muted"> · còn thiếu {progress.target - progress.mentees}</span>
        )}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <h2>Người học ({mine.length})</h2>
      <ul className="list" aria-label="Người học">
        {mine.map((p) => {
          const m = memberOf.get(p.menteeId);
          const name = m?.name ?? 'Người học ở thôn khác';
          return (
            <li key={p.id} className="card">
              <button
                type="button"
                className="row-link"
                onClick={() => m && navigate(href('/ho/:id', { id: m.householdId }))}
              >
                <strong>{name}</strong>
                <span className="muted">
                  Từ {p.startDate ? dayLabel(p.startDate) : '—'} · {STATUS_LABEL[p.status]}
                </span>
              </button>
              <div className="field">
                <label htmlFor={`st-${p.id}`}>Trạng thái của {name}</label>
                <select
                  id={`st-${p.id}`}
                  value={p.status}
                  onChange={(e) => void changeStatus(p, e.target.value as MentorshipStatus)}
                >
                  {MENTORSHIP_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABEL[s]}
                    </option>
                  ))}
                </select>
              </div>
              <PairingSkills pairing={p} menteeName={name} />
            </li>
          );
        })}
      </ul>
      <AddMentee
        mentor={{ id, kind }}
        villageId={resident?.villageId}
        data={data}
        villages={session.villages}
        today={today}
      />
    </section>
  );
}
