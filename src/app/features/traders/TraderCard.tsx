import { traderProgress, type TraderFacts } from '../../../domain/trader4t';
import { href, navigate } from '../../platform/router';
import { dayLabel } from '../../ui/format';
import { NEXT_STEP } from './labels';

/** One trader: stall, who, "2/4" and the next step of the 4T model; opens the edit form. */
export function TraderCard({ trader, memberName }: { trader: TraderFacts; memberName: string }) {
  const p = traderProgress(trader);
  return (
    <li className="card">
      <button
        type="button"
        className="row-link"
        aria-label={`Sửa tiểu thương ${trader.businessName}`}
        onClick={() => navigate(href('/cho-so-4t/:id/sua', { id: trader.id }))}
      >
        <strong>{trader.businessName}</strong>
        <span>
          {memberName} ·{' '}
          <span
            className={`badge ${p.next === null ? 'badge-online' : 'badge-offline'}`}
            data-testid="trader-progress"
          >
            4T {p.label}
          </span>
        </span>
      </button>
      <p className="muted">
        {p.stages
          .map(
            (s) =>
              `${s.doneOn ? '✓' : '○'} ${s.label}${s.doneOn ? ` (${dayLabel(s.doneOn)})` : ''}`,
          )
          .join(' · ')}
      </p>
      <p>{p.next ? `Bước tiếp theo: ${NEXT_STEP[p.next]}` : 'Đã hoàn thành cả 4 bước.'}</p>
    </li>
  );
}
