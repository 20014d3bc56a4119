import { households, members, useLive, visits } from '../../db';
import { href, navigate } from '../../platform/router';
import { NeedLogin } from '../households/HouseholdFormScreen';
import { useFieldSession } from '../field/useFieldSession';
import { emptyVisitForm, logVisit } from './actions';
import { VisitForm } from './VisitForm';

function useHouseholdWithMembers(householdId: string) {
  return useLive(async () => {
    const h = await households.get(householdId);
    if (!h) return null;
    const people = await members.ofHouseholds([householdId]);
    return { h, members: people.filter((m) => !m.deleted) };
  }, [householdId]);
}

/** "/ho/:id/ghi-luot": log a visit; everyone is preselected as present. */
export function NewVisitScreen({ householdId }: { householdId: string }) {
  const session = useFieldSession();
  const data = useHouseholdWithMembers(householdId);
  if (!session || !data) return session === null ? <NeedLogin /> : null;
  return (
    <section>
      <h1>Ghi lượt hướng dẫn — hộ {data.h.headName}</h1>
      <VisitForm
        formId={`visit:new:${householdId}`}
        initial={emptyVisitForm(data.members.map((m) => m.id))}
        members={data.members}
        saveLabel="Lưu lượt hướng dẫn"
        onSave={async (f) => {
          await logVisit(data.h, session.user.id, f);
          navigate(href('/ho/:id', { id: householdId }), { replace: true });
        }}
        onCancel={() => navigate(href('/ho/:id', { id: householdId }), { replace: true })}
      />
    </section>
  );
}

/** "/luot/:id/sua": a correction is a NEW visit that references the old one. */
export function CorrectVisitScreen({ visitId }: { visitId: string }) {
  const session = useFieldSession();
  const old = useLive(async () => (await visits.get(visitId)) ?? null, [visitId]);
  const data = useHouseholdWithMembers(old?.householdId ?? '');
  if (!session || !old || !data) return session === null ? <NeedLogin /> : null;
  return (
    <section>
      <h1>Sửa lượt hướng dẫn — hộ {data.h.headName}</h1>
      <p className="muted">Bản sửa được ghi thành lượt mới, lượt cũ vẫn được giữ lại.</p>
      <VisitForm
        formId={`visit:correct:${visitId}`}
        initial={{
          presentMemberIds: old.presentMemberIds,
          tasks: old.tasks,
          otherTask: old.otherTask,
          outcome: old.outcome,
          followUpDate: old.followUpDate ?? '',
          notes: old.notes,
        }}
        members={data.members}
        saveLabel="Lưu bản sửa"
        onSave={async (f) => {
          await logVisit(data.h, session.user.id, f, { at: old.at, correctsId: old.id });
          navigate(href('/ho/:id', { id: data.h.id }), { replace: true });
        }}
        onCancel={() => navigate(href('/ho/:id', { id: data.h.id }), { replace: true })}
      />
    </section>
  );
}
