import { useState } from 'react';
import { yearOf, type Day } from '../../../domain/calendar';
import { matchesAllWords } from '../../../domain/normalize';
import { suggestMentees } from '../../../domain/mentorSuggestions';
import type { MentorKind } from '../../../domain/mentorship';
import { GAP_LABEL } from '../field/labels';
import { createPairing } from './actions';
import { PAIRING_ERROR } from './labels';
import type { ModelData } from './useModelData';

/**
 * "Thêm người học": suggestions (same village, no mentor yet, lacking skills, those lacking most
 * first) and a search over everyone of the user's villages. A refusal is shown in Vietnamese.
 */
export function AddMentee(props: {
  mentor: { id: string; kind: MentorKind };
  /** A resident mentor's village; a volunteer picks one of the user's villages. */
  villageId: string | undefined;
  data: ModelData;
  villages: { id: string; name: string }[];
  today: Day;
}) {
  const [picked, setPicked] = useState(props.villages[0]?.id ?? '');
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const villageId = props.villageId ?? picked;
  const suggestions = suggestMentees(props.mentor.id, villageId, props.data, yearOf(props.today));
  const found = query.trim()
    ? props.data.members
        .filter((m) => !m.deleted && m.id !== props.mentor.id && matchesAllWords(query, [m.name]))
        .slice(0, 10)
    : [];

  async function take(memberId: string, name: string) {
    const res = await createPairing(props.mentor, memberId, props.today);
    setMessage(
      res.ok
        ? { error: false, text: `Đã thêm ${name} làm người học.` }
        : { error: true, text: PAIRING_ERROR[res.error] },
    );
  }
  const takeButton = (memberId: string, name: string) => (
    <button
      type="button"
      className="btn"
      aria-label={`Nhận ${name} làm người học`}
      onClick={() => void take(memberId, name)}
    >
      Nhận
    </button>
  );

  return (
    <section className="card" aria-label="Thêm người học">
      <h2>Thêm người học</h2>
      {message && (
        <p
          className={message.error ? 'field-error' : 'muted'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {props.villageId === undefined && props.villages.length > 1 && (
        <div className="field">
          <label htmlFor="mentee-village">Thôn</label>
          <select id="mentee-village" value={picked} onChange={(e) => setPicked(e.target.value)}>
            {props.villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <h3>Gợi ý: cùng thôn, chưa có đại sứ số, còn thiếu kỹ năng</h3>
      {suggestions.length === 0 && <p className="muted">Không còn ai để gợi ý.</p>}
      <ul className="list" aria-label="Gợi ý người học">
        {suggestions.map((s) => (
          <li key={s.memberId} className="card">
            <strong>{s.name}</strong>
            <p className="muted">{s.gaps.map((g) => GAP_LABEL[g]).join(' · ')}</p>
            {takeButton(s.memberId, s.name)}
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="mentee-search">Tìm người học theo tên</label>
        <input id="mentee-search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <ul className="list" aria-label="Người học tìm thấy">
        {found.map((m) => (
          <li key={m.id} className="card">
            <strong>{m.name}</strong> {takeButton(m.id, m.name)}
          </li>
        ))}
      </ul>
    </section>
  );
}
