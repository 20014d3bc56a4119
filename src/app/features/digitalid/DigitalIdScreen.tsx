import {
  DIGITAL_ID_GAP_LABELS,
  DIGITAL_ID_MIN_AGE,
  digitalIdSummary,
} from '../../../domain/digitalId';
import { vietnamDay } from '../../../domain/calendar';
import { href, navigate } from '../../platform/router';
import { formatCount } from '../../ui/format';
import { VNEID_LABEL } from '../field/labels';
import { useFieldSession, villageName } from '../field/useFieldSession';
import { useModelData } from '../mentors/useModelData';
import { CompleteList } from './CompleteList';

/**
 * "/danh-tinh-so": Mỗi công dân – Một danh tính số. Residents aged 16+ of the user's villages:
 * how many are complete (VNeID mức độ 2 and a digital bank account) and who still lacks what.
 */
export function DigitalIdScreen() {
  const session = useFieldSession();
  const data = useModelData();
  if (!data || !session) return null;
  const today = vietnamDay(Date.now());
  const summary = digitalIdSummary(data.households, data.members, today);
  const byId = new Map(data.members.map((m) => [m.id, m]));
  const open = (householdId: string) => () => navigate(href('/ho/:id', { id: householdId }));
  return (
    <section>
      <h1>Mỗi công dân – Một danh tính số</h1>
      <p data-testid="digital-id-summary">
        {formatCount(summary.complete)} / {formatCount(summary.eligible)} người từ{' '}
        {DIGITAL_ID_MIN_AGE} tuổi đã có VNeID mức độ 2 và tài khoản ngân hàng số
      </p>
      <h2>Còn thiếu ({summary.missing.length})</h2>
      <ul className="list" aria-label="Người còn thiếu danh tính số">
        {summary.missing.map((e) => {
          const m = byId.get(e.memberId);
          return (
            <li key={e.memberId} className="card">
              <button type="button" className="row-link" onClick={open(e.householdId)}>
                <strong>
                  {e.name} · {e.age} tuổi
                </strong>
                <span className="muted">
                  {villageName(session, e.villageId)} · VNeID: {VNEID_LABEL[m?.vneid ?? 'none']} ·
                  Ngân hàng số: {m?.cashless ? 'Có' : 'Chưa'}
                </span>
                <span>{e.gaps.map((g) => DIGITAL_ID_GAP_LABELS[g]).join(' · ')}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <CompleteList households={data.households} members={data.members} today={today} />
      {summary.unknownAge.length > 0 && (
        <>
          <h2>Chưa rõ năm sinh ({summary.unknownAge.length})</h2>
          <ul className="list" aria-label="Chưa rõ năm sinh">
            {summary.unknownAge.map((e) => (
              <li key={e.memberId}>
                <button type="button" className="btn" onClick={open(e.householdId)}>
                  {e.name || 'Chưa có tên'}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
