import { vietnamDay } from '../../../domain/calendar';
import { EARLIEST_TRADER_DAY } from '../../../domain/dateBounds';
import { TRADER_STAGES } from '../../../domain/trader4t';
import { useDraftForm } from '../field/useDraftForm';
import { FormActions, RestoredNote, TextField } from '../field/FormBits';
import { ERROR_MESSAGE } from '../field/labels';
import { validateTrader, type TraderForm as Form } from './actions';
import { STAGE_ERROR } from './labels';

/** A small trader: who, the stall, and the day each 4T stage was reached (empty: not yet). */
export function TraderForm(props: {
  formId: string;
  initial: Form;
  members: { id: string; name: string }[];
  saveLabel: string;
  onSave(f: Form): Promise<void>;
  onCancel(): void;
}) {
  const today = vietnamDay(Date.now());
  const { draft, show, submit } = useDraftForm(
    props.formId,
    props.initial,
    (v) => validateTrader(v, today),
    props.onSave,
  );
  if (!draft.loaded) return null;
  const f = draft.value;
  const set = (k: keyof Form, v: string) => draft.set((p) => ({ ...p, [k]: v }));

  return (
    <form onSubmit={submit} noValidate aria-label="Thông tin tiểu thương">
      <RestoredNote show={draft.restored} />
      <div className="field">
        <label htmlFor="t-member">Thành viên là tiểu thương</label>
        <select id="t-member" value={f.memberId} onChange={(e) => set('memberId', e.target.value)}>
          <option value="" disabled>
            — Chọn —
          </option>
          {props.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        {show.memberId && (
          <p className="field-error" role="alert">
            {ERROR_MESSAGE[show.memberId]}
          </p>
        )}
      </div>
      <TextField
        id="t-business"
        label="Tên quầy hàng / cơ sở kinh doanh"
        value={f.businessName}
        onChange={(v) => set('businessName', v)}
        error={show.businessName}
      />
      <fieldset className="checks">
        <legend>Tiến độ 4T: ngày đạt từng bước (để trống nếu chưa)</legend>
        {TRADER_STAGES.map((s) => (
          <div className="field" key={s.field}>
            <label htmlFor={`t-${s.field}`}>{s.label}</label>
            <input
              id={`t-${s.field}`}
              type="date"
              min={EARLIEST_TRADER_DAY}
              max={today}
              value={f[s.field]}
              onChange={(e) => set(s.field, e.target.value)}
            />
            <button type="button" className="btn" onClick={() => set(s.field, today)}>
              {`Đạt hôm nay: ${s.label}`}
            </button>
            {show[s.field] && (
              <p className="field-error" role="alert">
                {STAGE_ERROR[show[s.field] ?? 'bad_date']}
              </p>
            )}
          </div>
        ))}
      </fieldset>
      <FormActions
        saveLabel={props.saveLabel}
        onCancel={() => void draft.clear().then(props.onCancel)}
      />
    </form>
  );
}
