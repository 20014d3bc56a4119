import { useEffect, useState } from 'react';
import { matchesAllWords } from '../../../domain/normalize';
import { allMentorProgress, MENTOR_TARGET, type MentorProgress } from '../../../domain/mentorship';
import { href, navigate } from '../../platform/router';
import { useFieldSession } from '../field/useFieldSession';
import { MentorBadge } from './MentorBadge';
import { mentorName } from './names';
import { PairingProblems } from './PairingProblems';
import { useModelData } from './useModelData';
import { refreshVolunteers, useVolunteers } from './volunteers';

/** "/dai-su-so": the mentors of the user's villages against the 5 rule, those short of it first. */
export function MentorsScreen() {
  const session = useFieldSession();
  const data = useModelData();
  const volunteers = useVolunteers(session);
  const [query, setQuery] = useState('');
  useEffect(() => {
    if (session) void refreshVolunteers(session);
  }, [session]);
  if (!data || !session) return null;
  const progress = allMentorProgress(data.mentorships);
  const short = progress
    .filter((p) => !p.reached)
    .sort((a, b) => a.mentees - b.mentees || (a.mentorId < b.mentorId ? -1 : 1));
  const reached = progress.filter((p) => p.reached);
  const name = (id: string) => mentorName(id, data.members, volunteers);
  const open = (id: string) => () => navigate(href('/dai-su-so/:id', { id }));
  const found = query.trim()
    ? data.members.filter((m) => !m.deleted && matchesAllWords(query, [m.name])).slice(0, 10)
    : [];
  const row = (p: MentorProgress) => (
    <li key={p.mentorId} className="card">
      <button type="button" className="row-link" onClick={open(p.mentorId)}>
        <strong>{name(p.mentorId)}</strong>
        <span>
          <MentorBadge label={p.label} reached={p.reached} /> người học
        </span>
      </button>
    </li>
  );
  return (
    <section>
      <h1>Đại sứ số</h1>
      <p className="muted">
        Mỗi đại sứ số hướng dẫn kỹ năng số cho ít nhất {MENTOR_TARGET} người học.
      </p>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={open(session.user.id)}>
          Tôi làm đại sứ số
        </button>
      </div>
      {volunteers.length > 1 && (
        <div className="field">
          <label htmlFor="mentor-volunteer">Chọn tình nguyện viên làm đại sứ số</label>
          <select
            id="mentor-volunteer"
            value=""
            onChange={(e) =>
              e.target.value && navigate(href('/dai-su-so/:id', { id: e.target.value }))
            }
          >
            <option value="">— Chọn —</option>
            {volunteers.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="mentor-resident">Tìm người dân làm đại sứ số</label>
        <input id="mentor-resident" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {found.length > 0 && (
        <ul className="list" aria-label="Người dân tìm thấy">
          {found.map((m) => (
            <li key={m.id}>
              <button type="button" className="btn" onClick={open(m.id)}>
                {m.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PairingProblems data={data} mentorName={name} />
      <h2>
        Chưa đủ {MENTOR_TARGET} người học ({short.length})
      </h2>
      <ul className="list" aria-label="Đại sứ số chưa đủ người học">
        {short.map(row)}
      </ul>
      <h2>
        Đã đủ {MENTOR_TARGET} người học ({reached.length})
      </h2>
      <ul className="list" aria-label="Đại sứ số đã đủ người học">
        {reached.map(row)}
      </ul>
    </section>
  );
}
