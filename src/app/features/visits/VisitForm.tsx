import { VISIT_OUTCOMES, VISIT_TASKS, type VisitOutcome } from '../../../domain/entities';
import { dayRange } from '../../../domain/dateBounds';
import { validateVisit } from '../../../domain/validation';
import { useDraftForm } from '../field/useDraftForm';
import { CheckTile, FormActions, RestoredNote, TextField } from '../field/FormBits';
import { OUTCOME_LABEL, TASK_LABEL } from '../field/labels';
import type { MemberRow } from '../field/rows';
import type { VisitForm as Form } from './actions';

/** A routine visit in a few taps: who was there (preselected), what was done, the outcome. */
export function VisitForm(props: {
  formId: string;
  initial: Form;
  members: MemberRow[];
  saveLabel: string;
  onSave(f: Form): Promise<void>;
  onCancel(): void;
}) {
  const { draft, show, submit } = useDraftForm(
    props.formId,
    props.initial,
    (v) => validateVisit(v, Date.now()),
    props.onSave,
  );
  if (!draft.loaded) return null;
  const f = draft.value;
  const followUp = dayRange(Date.now());
  const toggle = <K extends 'tasks' | 'presentMemberIds'>(k: K, v: Form[K][number], on: boolean) =>
    draft.set((p) => {
      const list = p[k] as string[];
      return { ...p, [k]: on ? [...new Set([...list, v])] : list.filter((x) => x !== v) };
    });

  return (
    <form onSubmit={submit} noValidate aria-label="Ghi lượt hướng dẫn">
      <RestoredNote show={draft.restored} />
      {props.members.length > 0 && (
        <fieldset className="checks">
          <legend>Có mặt</legend>
          {props.members.map((m) => (
            <CheckTile
              key={m.id}
              label={m.name}
              checked={f.presentMemberIds.includes(m.id)}
              onChange={(on) => toggle('presentMemberIds', m.id, on)}
            />
          ))}
        </fieldset>
      )}
      <fieldset className="checks">
        <legend>Đã làm</legend>
        {VISIT_TASKS.map((t) => (
          <CheckTile
            key={t}
            label={TASK_LABEL[t]}
            checked={f.tasks.includes(t)}
            onChange={(on) => toggle('tasks', t, on)}
          />
        ))}
      </fieldset>
      {f.tasks.includes('khac') && (
        <TextField
          id="v-other"
          label="Việc khác"
          value={f.otherTask}
          onChange={(v) => draft.set((p) => ({ ...p, otherTask: v }))}
          error={show.otherTask}
        />
      )}
      <fieldset className="checks" aria-describedby={show.outcome ? 'v-outcome-error' : undefined}>
        <legend>Kết quả</legend>
        {VISIT_OUTCOMES.map((o) => (
          <label key={o} className="check-tile">
            <input
              type="radio"
              name="outcome"
              value={o}
              checked={f.outcome === o}
              onChange={() => draft.set((p) => ({ ...p, outcome: o as VisitOutcome }))}
            />
            <span>{OUTCOME_LABEL[o]}</span>
          </label>
        ))}
        {show.outcome && (
          <p className="field-error" id="v-outcome-error" role="alert">
            Hãy chọn kết quả.
          </p>
        )}
      </fieldset>
      <TextField
        id="v-follow"
        label="Hẹn quay lại ngày"
        type="date"
        min={followUp.from}
        max={followUp.to}
        value={f.followUpDate}
        onChange={(v) => draft.set((p) => ({ ...p, followUpDate: v }))}
        error={show.followUpDate}
      />
      <TextField
        id="v-notes"
        label="Ghi chú"
        multiline
        value={f.notes}
        onChange={(v) => draft.set((p) => ({ ...p, notes: v }))}
        error={show.notes}
      />
      <FormActions
        saveLabel={props.saveLabel}
        onCancel={() => void draft.clear().then(props.onCancel)}
      />
    </form>
  );
}
