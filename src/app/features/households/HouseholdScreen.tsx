import { currentVisits, PRIORITY_FLAGS } from '../../../domain/entities';
import { memberReadiness } from '../../../domain/readiness';
import { households, members as memberStore, useLive, visits as visitStore } from '../../db';
import { href, navigate } from '../../platform/router';
import { dateTime, dayLabel, relativeTime } from '../../ui/format';
import {
  FLAG_LABEL,
  GAP_LABEL,
  LEVEL_LABEL,
  OUTCOME_LABEL,
  RELATION_LABEL,
  TASK_LABEL,
} from '../field/labels';
import { useFieldSession, villageName } from '../field/useFieldSession';
import { GdsCard } from '../gds/GdsCard';
import { MentorBadgeFor } from '../mentors/MentorBadge';
import { HouseholdTraders } from '../traders/HouseholdTraders';
import { setHouseholdStatus } from './actions';
import { HouseholdCodeLine } from '../qr/HouseholdCodeLine';

/** "/ho/:id": the household at the doorstep — members and their readiness, visit history. */
export function HouseholdScreen({ id }: { id: string }) {
  const session = useFieldSession();
  const data = useLive(async () => {
    const h = await households.get(id);
    if (!h) return null;
    const [members, visits] = await Promise.all([
      memberStore.ofHouseholds([id]),
      visitStore.ofHouseholds([id]),
    ]);
    return {
      h,
      members: members.filter((m) => !m.deleted),
      visits: currentVisits(visits).sort((a, b) => b.at - a.at),
    };
  }, [id]);
  if (data === undefined) return null;
  if (data === null) return <p>Không tìm thấy hộ này trên máy.</p>;
  const { h, members, visits } = data;
  const year = new Date().getFullYear();
  const names = new Map(members.map((m) => [m.id, m.name]));
  const go = (path: string) => () => navigate(path);
  return (
    <section>
      <h1>Hộ {h.headName}</h1>
      <p>
        {h.address} · {villageName(session, h.villageId)}
        {h.phone && (
          <>
            {' '}
            · <a href={`tel:${h.phone}`}>{h.phone}</a>
          </>
        )}
      </p>
      <HouseholdCodeLine code={h.code} villageId={h.villageId} />
      {h.status === 'moved_away' && <p className="badge badge-offline">Đã chuyển đi</p>}
      <p className="chips">
        {PRIORITY_FLAGS.filter((f) => h[f]).map((f) => (
          <span key={f} className="chip">
            {FLAG_LABEL[f]}
          </span>
        ))}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={go(href('/ho/:householdId/ghi-luot', { householdId: id }))}
        >
          Ghi lượt hướng dẫn
        </button>
        <button
          type="button"
          className="btn"
          onClick={go(href('/ho/:householdId/thanh-vien/moi', { householdId: id }))}
        >
          Thêm thành viên
        </button>
        <button type="button" className="btn" onClick={go(href('/ho/:id/sua', { id }))}>
          Sửa / chuyển thôn
        </button>
        <button
          type="button"
          className="btn"
          onClick={() =>
            void setHouseholdStatus(id, h.status === 'active' ? 'moved_away' : 'active')
          }
        >
          {h.status === 'active' ? 'Đánh dấu đã chuyển đi' : 'Đánh dấu đang ở'}
        </button>
      </div>

      <GdsCard household={h} members={members} visits={visits} />

      <h2>Thành viên ({members.length})</h2>
      <ul className="list" aria-label="Thành viên">
        {members.map((m) => {
          const r = memberReadiness(m, year);
          return (
            <li key={m.id} className="card">
              <button
                type="button"
                className="row-link"
                aria-label={`Sửa thành viên ${m.name}`}
                onClick={go(href('/thanh-vien/:id/sua', { id: m.id }))}
              >
                <strong>{m.name}</strong> · {m.birthYear} · {RELATION_LABEL[m.relation]}
              </button>
              <MentorBadgeFor mentorId={m.id} />
              <p className={`readiness readiness-${r.level}`}>{LEVEL_LABEL[r.level]}</p>
              {r.gaps.length > 0 && (
                <p className="muted">{r.gaps.map((g) => GAP_LABEL[g]).join(' · ')}</p>
              )}
            </li>
          );
        })}
      </ul>

      <HouseholdTraders householdId={id} members={members} />

      <h2>Lượt hướng dẫn ({visits.length})</h2>
      <ul className="list" aria-label="Lượt hướng dẫn">
        {visits.map((v) => (
          <li key={v.id} className="card">
            <p>
              <strong title={dateTime(v.at)}>{relativeTime(v.at)}</strong> ·{' '}
              {OUTCOME_LABEL[v.outcome]}
              {v.correctsId && <span className="muted"> (đã sửa)</span>}
            </p>
            <p>
              {v.tasks
                .map((t) => (t === 'khac' ? v.otherTask || TASK_LABEL.khac : TASK_LABEL[t]))
                .join(', ') || 'Không có việc nào được ghi'}
            </p>
            {v.presentMemberIds.length > 0 && (
              <p className="muted">
                Có mặt: {v.presentMemberIds.map((m) => names.get(m) ?? '—').join(', ')}
              </p>
            )}
            {v.followUpDate && <p>Hẹn quay lại: {dayLabel(v.followUpDate)}</p>}
            {v.notes && <p className="muted">{v.notes}</p>}
            <button
              type="button"
              className="btn"
              aria-label={`Sửa lượt ngày ${dateTime(v.at)}`}
              onClick={go(href('/luot/:visitId/sua', { visitId: v.id }))}
            >
              Sửa
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
