import { GDS_REQUIREMENT_LABELS, gdsStatuses } from '../../../domain/gdsStatus';
import { isLiveHousehold } from '../../../domain/modelInputs';
import { useLive, villages } from '../../db';
import { href, navigate } from '../../platform/router';
import { formatCount } from '../../ui/format';
import { useFieldSession, villageName } from '../field/useFieldSession';

/** "/gia-dinh-so": every household's computed status, those short of it first, with what is missing. */
export function GdsScreen() {
  const session = useFieldSession();
  const villageIds = (session?.villages ?? []).map((v) => v.id);
  const data = useLive(async () => {
    const rows = await villages(villageIds, { visits: true });
    const households = rows.households.filter(isLiveHousehold);
    return { households, statuses: gdsStatuses(households, rows.members, rows.visits) };
  }, [villageIds.join(',')]);
  if (!data || !session) return null;
  const rows = data.households
    .map((h) => ({ h, s: data.statuses.get(h.id) }))
    .sort(
      (a, b) =>
        Number(a.s?.qualified) - Number(b.s?.qualified) ||
        a.h.headName.localeCompare(b.h.headName, 'vi'),
    );
  const qualified = rows.filter((r) => r.s?.qualified).length;
  return (
    <section>
      <h1>Gia đình số</h1>
      <p data-testid="gds-summary">
        {formatCount(qualified)} / {formatCount(rows.length)} hộ đạt “Gia đình số”
      </p>
      <ul className="list" aria-label="Hộ gia đình">
        {rows.map(({ h, s }) => (
          <li key={h.id} className="card">
            <button
              type="button"
              className="row-link"
              onClick={() => navigate(href('/ho/:id', { id: h.id }))}
            >
              <strong>Hộ {h.headName}</strong>
              <span className="muted">{villageName(session, h.villageId)}</span>
              <span
                className={`readiness ${s?.qualified ? 'readiness-ready' : 'readiness-not_started'}`}
              >
                {s?.qualified ? 'Đạt' : 'Chưa đạt'}
                {s?.confirmed ? ' · đã xác nhận' : ''}
              </span>
              {s && !s.qualified && (
                <span className="muted">
                  Còn thiếu: {s.missing.map((r) => GDS_REQUIREMENT_LABELS[r]).join(' · ')}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
