import { useEffect } from 'react';
import { meta, useLive } from '../../db';
import type { Session } from '../../session/types';
import type { ActivityFigures } from './figures';
import { NAMES_KEY, refreshVolunteerNames, volunteerName } from './volunteerNames';

/** Visits per volunteer per week over the last four weeks, and the households they reached. */
export function ActivityTable(props: { activity: ActivityFigures; session: Session }) {
  const { activity, session } = props;
  const book = useLive(() => meta.get(NAMES_KEY), []);
  useEffect(() => {
    void refreshVolunteerNames(session);
  }, [session]);
  const { weeks, rows, totals } = activity;
  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title">Hoạt động của tình nguyện viên (4 tuần gần đây)</h2>
      <p data-testid="activity-totals">
        {totals.visits} lượt hướng dẫn · {totals.householdsReached} hộ được hướng dẫn ·{' '}
        {totals.volunteers} tình nguyện viên
      </p>
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Tình nguyện viên</th>
                {weeks.map((w) => (
                  <th key={w} scope="col">
                    Tuần từ {w.slice(8)}/{w.slice(5, 7)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.volunteerId}>
                  <th scope="row">{volunteerName(book, session, row.volunteerId)}</th>
                  {weeks.map((w) => {
                    const c = row.byWeek[w];
                    return <td key={w}>{c ? `${c.visits} lượt · ${c.households} hộ` : '—'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
