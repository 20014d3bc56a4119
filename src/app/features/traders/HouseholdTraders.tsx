import { traders as traderStore, useLive, type MemberRow } from '../../db';
import { href, navigate } from '../../platform/router';
import { TraderCard } from './TraderCard';

/** The household page's "Chợ số 4T" section: its small traders and a way to add one. */
export function HouseholdTraders({
  householdId,
  members,
}: {
  householdId: string;
  members: MemberRow[];
}) {
  const traders = useLive(
    async () => (await traderStore.ofHousehold(householdId)).filter((t) => !t.deleted),
    [householdId],
  );
  const names = new Map(members.map((m) => [m.id, m.name]));
  return (
    <section aria-label="Chợ số 4T">
      <h2>Chợ số 4T ({traders?.length ?? 0})</h2>
      <ul className="list" aria-label="Tiểu thương của hộ">
        {traders?.map((t) => (
          <TraderCard key={t.id} trader={t} memberName={names.get(t.memberId) ?? '—'} />
        ))}
      </ul>
      <button
        type="button"
        className="btn"
        onClick={() => navigate(href('/cho-so-4t/ho/:householdId/moi', { householdId }))}
      >
        Thêm tiểu thương
      </button>
    </section>
  );
}
