import { useState } from 'react';
import { cleanText } from '../../../domain/cleanText';
import { activeSkills, SKILL_SOURCE } from '../../../domain/skills';
import { checkName } from '../../../domain/fieldRules';
import { skills as skillStore, useLive } from '../../db';
import { ERROR_MESSAGE } from '../field/labels';
import { useFieldSession } from '../field/useFieldSession';
import { seedDefaultSkills, updateSkill, useSkills } from './useSkills';

/** As the server accepts a skill's title (fieldRules.ts). */
const MAX_SKILL_TITLE = 200;

/**
 * "/ky-nang": the basic digital skills framework as the commune keeps it. A commune officer
 * writes the shipped list as synced records once, then corrects titles or hides codes.
 */
export function SkillsScreen() {
  const session = useFieldSession();
  const skills = useSkills();
  const stored = useLive(() => skillStore.count(), []);
  const officer = session?.user.role === 'officer';
  return (
    <section>
      <h1>Khung kỹ năng số cơ bản</h1>
      <p className="muted">Nguồn: {skills[0]?.source ?? SKILL_SOURCE}</p>
      {officer && stored === 0 && (
        <button type="button" className="btn btn-primary" onClick={() => void seedDefaultSkills()}>
          Dùng danh mục mặc định cho cả xã
        </button>
      )}
      <ul className="list" aria-label="Kỹ năng">
        {activeSkills(skills).map((s) => (
          <li key={s.code} className="card">
            <p className="muted">{s.group}</p>
            {officer && stored !== 0 ? (
              <SkillTitle code={s.code} title={s.title} />
            ) : (
              <p>
                <strong>{s.code}</strong> {s.title}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SkillTitle({ code, title }: { code: string; title: string }) {
  const [value, setValue] = useState(title);
  const error = checkName(value, MAX_SKILL_TITLE);
  const errId = `skill-${code}-error`;
  return (
    <div className="form-actions">
      <label htmlFor={`skill-${code}`}>Kỹ năng {code}</label>
      <input
        id={`skill-${code}`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errId : undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      <button
        type="button"
        className="btn"
        disabled={error !== undefined || cleanText(value) === title}
        onClick={() => void updateSkill(code, { title: value })}
      >
        Lưu
      </button>
      {error && (
        <p className="field-error" id={errId} role="alert">
          {ERROR_MESSAGE[error]}
        </p>
      )}
      <button
        type="button"
        className="btn"
        aria-label={`Ẩn kỹ năng ${code}`}
        onClick={() => void updateSkill(code, { deleted: true })}
      >
        Ẩn
      </button>
    </div>
  );
}
