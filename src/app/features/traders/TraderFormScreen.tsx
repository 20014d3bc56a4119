import { TRADER_STAGES } from '../../../domain/trader4t';
import { households, members, traders, useLive } from '../../db';
import { href, navigate } from '../../platform/router';
import {
  createTrader,
  emptyTraderForm,
  removeTrader,
  updateTrader,
  type TraderForm,
} from './actions';
import { TraderForm as Form } from './TraderForm';

function useHousehold(householdId: string | undefined) {
  return useLive(async () => {
    if (!householdId) return null;
    const h = await households.get(householdId);
    if (!h) return null;
    const people = await members.ofHouseholds([householdId]);
    return { h, members: people.filter((m) => !m.deleted) };
  }, [householdId]);
}

/** "/cho-so-4t/ho/:householdId/moi": a member of the household starts the 4T model. */
export function NewTraderScreen({ householdId }: { householdId: string }) {
  const data = useHousehold(householdId);
  if (!data) return data === null ? <p>Không tìm thấy hộ.</p> : null;
  const back = () => navigate(href('/ho/:id', { id: householdId }), { replace: true });
  return (
    <section>
      <h1>Thêm tiểu thương — hộ {data.h.headName}</h1>
      <Form
        formId={`trader:new:${householdId}`}
        initial={emptyTraderForm(data.members.length === 1 ? (data.members[0]?.id ?? '') : '')}
        members={data.members}
        saveLabel="Lưu tiểu thương"
        onSave={async (f) => {
          await createTrader(data.h, f);
          back();
        }}
        onCancel={back}
      />
    </section>
  );
}

/** "/cho-so-4t/:id/sua" */
export function EditTraderScreen({ id }: { id: string }) {
  const t = useLive(() => traders.get(id), [id]);
  const data = useHousehold(t?.householdId);
  if (!t || !data) return null;
  const initial: TraderForm = { ...emptyTraderForm(t.memberId), businessName: t.businessName };
  for (const s of TRADER_STAGES) initial[s.field] = t[s.field] ?? '';
  const back = () => navigate(href('/ho/:id', { id: t.householdId }), { replace: true });
  return (
    <section>
      <h1>Sửa tiểu thương: {t.businessName}</h1>
      <Form
        formId={`trader:${id}`}
        initial={initial}
        members={data.members}
        saveLabel="Lưu thay đổi"
        onSave={async (f) => {
          await updateTrader(id, f);
          back();
        }}
        onCancel={back}
      />
      <button
        type="button"
        className="btn"
        onClick={() => {
          if (!window.confirm(`Xóa tiểu thương ${t.businessName}?`)) return;
          void removeTrader(id).then(back);
        }}
      >
        Xóa tiểu thương
      </button>
    </section>
  );
}
