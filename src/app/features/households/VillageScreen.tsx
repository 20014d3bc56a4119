import { useState } from 'react';
import { PRIORITY_FLAGS } from '../../../domain/entities';
import { READINESS_GAPS, type ReadinessGap } from '../../../domain/readiness';
import { useLive, villages } from '../../db';
import { href, navigate } from '../../platform/router';
import { dayLabel, relativeTime, today } from '../../ui/format';
import { CheckTile } from '../field/FormBits';
import { FLAG_LABEL, GAP_LABEL } from '../field/labels';
import { useFieldSession, villageName } from '../field/useFieldSession';
import { applyFilter, villageEntries, type VillageFilter } from './villageList';

const PAGE = 100;

/** "/thon/:villageId": the village's households, what is due, and filters. */
export function VillageScreen({ villageId }: { villageId: string }) {
  const session = useFieldSession();
  const [filter, setFilter] = useState<VillageFilter>({ flags: [], gap: '', dueOnly: false });
  const [shown, setShown] = useState(PAGE);
  const entries = useLive(async () => {
    const rows = await villages([villageId], { visits: true });
    return villageEntries(
      rows.households.filter((h) => h.status === 'active'),
      rows.members.filter((m) => !m.deleted),
      rows.visits,
      new Date().getFullYear(),
      today(),
    );
  }, [villageId]);
  const list = entries ? applyFilter(entries, filter) : [];
  return (
    <section>
      <h1>{villageName(session, villageId)}</h1>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => navigate(href('/thon/:villageId/them-ho', { villageId }))}
      >
        Thêm hộ mới
      </button>
      <details className="card">
        <summary>Lọc danh sách</summary>
        {PRIORITY_FLAGS.map((k) => (
          <CheckTile
            key={k}
            label={FLAG_LABEL[k]}
            checked={filter.flags.includes(k)}
            onChange={(on) =>
              setFilter((f) => ({
                ...f,
                flags: on ? [...f.flags, k] : f.flags.filter((x) => x !== k),
              }))
            }
          />
        ))}
        <CheckTile
          label="Đến hẹn quay lại"
          checked={filter.dueOnly}
          onChange={(on) => setFilter((f) => ({ ...f, dueOnly: on }))}
        />
        <label htmlFor="filter-gap">Còn thiếu</label>
        <select
          id="filter-gap"
          value={filter.gap}
          onChange={(e) => setFilter((f) => ({ ...f, gap: e.target.value as ReadinessGap | '' }))}
        >
          <option value="">Tất cả</option>
          {READINESS_GAPS.map((g) => (
            <option key={g} value={g}>
              {GAP_LABEL[g]}
            </option>
          ))}
        </select>
      </details>
      {entries && <p className="muted">{list.length} hộ</p>}
      <ul className="list" aria-label="Hộ gia đình">
        {list.slice(0, shown).map((e) => (
          <li key={e.h.id}>
            <button
              type="button"
              className="card row-link"
              onClick={() => navigate(href('/ho/:id', { id: e.h.id }))}
            >
              <strong>{e.h.headName}</strong>
              <span>{e.h.address}</span>
              <span className="muted">
                {e.lastVisitAt ? `Lần cuối: ${relativeTime(e.lastVisitAt)}` : 'Chưa được thăm'}
              </span>
              {e.followUpDue && (
                <span className="due">Đến hẹn quay lại: {dayLabel(e.followUpDue)}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {list.length > shown && (
        <button type="button" className="btn" onClick={() => setShown((n) => n + PAGE)}>
          Xem thêm
        </button>
      )}
    </section>
  );
}
