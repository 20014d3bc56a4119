import { yearOf, type Day } from '../../../domain/calendar';
import { DIGITAL_ID_MIN_AGE, digitalIdGaps } from '../../../domain/digitalId';
import {
  knownAge,
  liveMembers,
  type HouseholdFacts,
  type MemberFacts,
} from '../../../domain/modelInputs';
import { href, navigate } from '../../platform/router';

/** Those aged 16+ who already have both VNeID mức độ 2 and a digital bank account (folded away). */
export function CompleteList(props: {
  households: readonly HouseholdFacts[];
  members: readonly (MemberFacts & { name: string })[];
  today: Day;
}) {
  const year = yearOf(props.today);
  const done = liveMembers(props.households, props.members)
    .filter((m) => (knownAge(m.birthYear, year) ?? -1) >= DIGITAL_ID_MIN_AGE)
    .filter((m) => digitalIdGaps(m).length === 0)
    .map((m) => ({ id: m.id, householdId: m.householdId, name: m.name ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return (
    <details>
      <summary>Đã có VNeID mức độ 2 và tài khoản ngân hàng số ({done.length})</summary>
      <ul className="list" aria-label="Người đã có danh tính số">
        {done.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className="btn"
              onClick={() => navigate(href('/ho/:id', { id: m.householdId }))}
            >
              {m.name}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
