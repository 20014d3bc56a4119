import { vietnamDay, type Day } from '../../../domain/calendar';
import { EARLIEST_TRADER_DAY } from '../../../domain/dateBounds';
import { TRADER_STAGES } from '../../../domain/trader4t';
import { FieldForm, type DraftFormProps } from '../field/fieldForm';
import type { FieldSpec, FieldView } from '../field/fieldSpec';
import { validateTrader, type StageField, type TraderForm as Form } from './actions';
import { STAGE_ERROR } from './labels';

const STAGE_MESSAGE: Readonly<Partial<Record<string, string>>> = STAGE_ERROR;

/** A 4T stage's date, with a button for "reached today" (empty: not yet). */
function StageDate(props: {
  stage: (typeof TRADER_STAGES)[number];
  today: Day;
  view: FieldView<Form>;
}) {
  const { stage, today, view } = props;
  const error = view.errors[stage.field];
  const set = (field: StageField, v: string) => view.set(field, v);
  return (
    <div className="field">
      <label htmlFor={`t-${stage.field}`}>{stage.label}</label>
      <input
        id={`t-${stage.field}`}
        type="date"
        min={EARLIEST_TRADER_DAY}
        max={today}
        value={view.value[stage.field]}
        onChange={(e) => set(stage.field, e.target.value)}
      />
      <button type="button" className="btn" onClick={() => set(stage.field, today)}>
        {`Đạt hôm nay: ${stage.label}`}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {STAGE_MESSAGE[error] ?? STAGE_ERROR.bad_date}
        </p>
      )}
    </div>
  );
}

/** The trader form's fields: who among the household's members, the stall, the 4T stages. */
function traderFields(members: { id: string; name: string }[], today: Day): FieldSpec<Form>[] {
  return [
    {
      kind: 'select',
      name: 'memberId',
      id: 't-member',
      label: 'Thành viên là tiểu thương',
      options: members.map((m) => [m.id, m.name]),
      markInvalid: false,
    },
    {
      kind: 'text',
      name: 'businessName',
      id: 't-business',
      label: 'Tên quầy hàng / cơ sở kinh doanh',
    },
    {
      kind: 'group',
      legend: 'Tiến độ 4T: ngày đạt từng bước (để trống nếu chưa)',
      fields: TRADER_STAGES.map((stage) => ({
        kind: 'slot',
        key: stage.field,
        render: (view) => <StageDate stage={stage} today={today} view={view} />,
      })),
    },
  ];
}

/** A small trader: who, the stall, and the day each 4T stage was reached (empty: not yet). */
export function TraderForm({
  members,
  ...form
}: DraftFormProps<Form> & { members: { id: string; name: string }[] }) {
  const today = vietnamDay(Date.now());
  return (
    <FieldForm
      {...form}
      label="Thông tin tiểu thương"
      validate={(v) => validateTrader(v, today)}
      fields={traderFields(members, today)}
    />
  );
}
