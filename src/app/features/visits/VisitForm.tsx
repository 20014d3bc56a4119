import { dayRange } from '../../../domain/dateBounds';
import { VISIT_OUTCOMES, VISIT_TASKS } from '../../../domain/entities';
import { validateVisit } from '../../../domain/fieldRules';
import type { MemberRow } from '../../db';
import { FieldForm, type DraftFormProps } from '../field/fieldForm';
import { optionsOf, type FieldSpec } from '../field/fieldSpec';
import { OUTCOME_LABEL, TASK_LABEL } from '../field/labels';
import type { VisitForm as Form } from './actions';

/** The visit form's fields: the household's members to tick as present, then what was done. */
function visitFields(members: MemberRow[], nowMs: number): FieldSpec<Form>[] {
  const followUp = dayRange(nowMs);
  return [
    {
      kind: 'checkbox-group',
      name: 'presentMemberIds',
      legend: 'Có mặt',
      options: members.map((m) => [m.id, m.name]),
    },
    {
      kind: 'checkbox-group',
      name: 'tasks',
      legend: 'Đã làm',
      options: optionsOf(VISIT_TASKS, TASK_LABEL),
    },
    {
      kind: 'text',
      name: 'otherTask',
      id: 'v-other',
      label: 'Việc khác',
      shownIf: (f) => f.tasks.includes('khac'),
    },
    {
      kind: 'radio',
      name: 'outcome',
      id: 'v-outcome',
      legend: 'Kết quả',
      options: optionsOf(VISIT_OUTCOMES, OUTCOME_LABEL),
      message: 'Hãy chọn kết quả.',
    },
    {
      kind: 'date',
      name: 'followUpDate',
      id: 'v-follow',
      label: 'Hẹn quay lại ngày',
      min: followUp.from,
      max: followUp.to,
    },
    { kind: 'textarea', name: 'notes', id: 'v-notes', label: 'Ghi chú' },
  ];
}

/** A routine visit in a few taps: who was there (preselected), what was done, the outcome. */
export function VisitForm({ members, ...form }: DraftFormProps<Form> & { members: MemberRow[] }) {
  return (
    <FieldForm
      {...form}
      label="Ghi lượt hướng dẫn"
      validate={(v) => validateVisit(v, Date.now())}
      fields={visitFields(members, Date.now())}
    />
  );
}
