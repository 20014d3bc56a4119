import type { Day } from '../../../domain/calendar';
import { dueState, nextDue, type ReportPeriod } from '../../../domain/reportPeriods';

const dmy = (d: Day) => `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export function dueText(period: ReportPeriod, today: Day): string {
  const { state, daysLeft } = dueState(period, today);
  const when = `gửi trước ngày ${dmy(period.dueBefore)}`;
  if (state === 'late') return `${when} – đã quá hạn ${-daysLeft} ngày`;
  if (state === 'due_today') return `${when} – hôm nay là hạn cuối`;
  return `${when} – còn ${daysLeft} ngày`;
}

/** The next monthly and quarterly reports to send, and how long is left. */
export function DueList({ today }: { today: Day }) {
  const next = [nextDue('month', today), nextDue('quarter', today)];
  return (
    <ul className="list due-list" aria-label="Hạn gửi báo cáo">
      {next.map((p) => {
        const { state } = dueState(p, today);
        return (
          <li key={p.kind} className={state === 'open' ? '' : 'due'}>
            Báo cáo {p.kind === 'month' ? 'tháng' : 'quý'} ({p.label}): {dueText(p, today)}
          </li>
        );
      })}
    </ul>
  );
}
