import { traderProgress, traderSummary, TRADER_STAGES } from '../../../domain/trader4t';
import { formatCount } from '../../ui/format';
import { useModelData } from '../mentors/useModelData';
import { useFieldSession } from '../field/useFieldSession';
import { TraderCard } from './TraderCard';

/** "/cho-so-4t": the small traders of each of the user's villages and their 4T progress. */
export function TradersScreen() {
  const session = useFieldSession();
  const data = useModelData();
  if (!data || !session) return null;
  const live = data.traders.filter((t) => !t.deleted);
  const summary = traderSummary(live);
  const names = new Map(data.members.map((m) => [m.id, m.name]));
  return (
    <section>
      <h1>Chợ số 4T</h1>
      <p className="muted">
        Tiểu thương – Thương mại điện tử – Thanh toán không dùng tiền mặt – Tiết kiệm số. Thêm tiểu
        thương từ trang của hộ gia đình.
      </p>
      <p data-testid="trader-summary">
        {formatCount(summary.traders)} tiểu thương · {formatCount(summary.allFour)} đạt cả 4 bước
      </p>
      <p className="chips">
        {TRADER_STAGES.map((s) => (
          <span key={s.key} className="chip">
            {s.label}: {formatCount(summary.byStage[s.key])}
          </span>
        ))}
      </p>
      {session.villages.map((v) => {
        const here = live
          .filter((t) => t.villageId === v.id)
          .sort(
            (a, b) =>
              traderProgress(a).done - traderProgress(b).done ||
              a.businessName.localeCompare(b.businessName, 'vi'),
          );
        return (
          <section key={v.id} aria-label={`Tiểu thương ${v.name}`}>
            <h2>
              {v.name} ({here.length})
            </h2>
            {here.length === 0 && <p className="muted">Chưa có tiểu thương nào.</p>}
            <ul className="list">
              {here.map((t) => (
                <TraderCard key={t.id} trader={t} memberName={names.get(t.memberId) ?? '—'} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
