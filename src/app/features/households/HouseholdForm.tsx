import { PRIORITY_FLAGS } from '../../../domain/entities';
import { validateHousehold } from '../../../domain/validation';
import { useDraftForm } from '../field/useDraftForm';
import type { Session } from '../../session/types';
import { CheckTile, FormActions, RestoredNote, TextField } from '../field/FormBits';
import { FLAG_LABEL } from '../field/labels';
import type { HouseholdForm as Form } from './actions';

/** Household fields with draft saving; calls onSave only with a valid form. */
export function HouseholdForm(props: {
  formId: string;
  initial: Form;
  session: Session;
  saveLabel: string;
  onSave(f: Form): Promise<void>;
  onCancel(): void;
}) {
  const { draft, show, submit } = useDraftForm(
    props.formId,
    props.initial,
    validateHousehold,
    props.onSave,
  );
  if (!draft.loaded) return null;
  const f = draft.value;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => draft.set((p) => ({ ...p, [k]: v }));

  return (
    <form onSubmit={submit} noValidate aria-label="Thông tin hộ gia đình">
      <RestoredNote show={draft.restored} />
      <div className="field">
        <label htmlFor="hh-village">Thôn / xóm / tổ dân phố</label>
        <select
          id="hh-village"
          value={f.villageId}
          onChange={(e) => set('villageId', e.target.value)}
        >
          <option value="" disabled>
            — Chọn thôn —
          </option>
          {props.session.villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        {show.villageId && (
          <p className="field-error" role="alert">
            Hãy chọn thôn.
          </p>
        )}
      </div>
      <TextField
        id="hh-head"
        label="Chủ hộ"
        value={f.headName}
        onChange={(v) => set('headName', v)}
        error={show.headName}
        autoFocus
      />
      <TextField
        id="hh-address"
        label="Địa chỉ"
        value={f.address}
        onChange={(v) => set('address', v)}
        error={show.address}
      />
      <TextField
        id="hh-phone"
        label="Số điện thoại (không bắt buộc)"
        value={f.phone}
        inputMode="tel"
        onChange={(v) => set('phone', v)}
        error={show.phone}
      />
      <fieldset className="checks">
        <legend>Diện ưu tiên</legend>
        {PRIORITY_FLAGS.map((k) => (
          <CheckTile key={k} label={FLAG_LABEL[k]} checked={f[k]} onChange={(v) => set(k, v)} />
        ))}
      </fieldset>
      <FormActions
        saveLabel={props.saveLabel}
        onCancel={() => void draft.clear().then(props.onCancel)}
      />
    </form>
  );
}
