import { activeSkills, type SkillRef } from '../../../domain/skills';
import { currentYear } from '../../../domain/dateBounds';
import { validateMember } from '../../../domain/validation';
import { useDraftForm } from '../field/useDraftForm';
import { GdsChecks } from '../gds/GdsChecks';
import { CheckTile, FormActions, RestoredNote, SelectField, TextField } from '../field/FormBits';
import { GENDER_LABEL, PLATFORM_LABEL, RELATION_LABEL, VNEID_LABEL } from '../field/labels';
import type { MemberForm as Form } from './actions';

/** A member's identity and digital readiness, with draft saving. */
export function MemberForm(props: {
  formId: string;
  initial: Form;
  skills: SkillRef[];
  saveLabel: string;
  onSave(f: Form): Promise<void>;
  onCancel(): void;
}) {
  const { draft, show, submit } = useDraftForm(
    props.formId,
    props.initial,
    (v) => validateMember(v, currentYear(Date.now())),
    props.onSave,
  );
  if (!draft.loaded) return null;
  const f = draft.value;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => draft.set((p) => ({ ...p, [k]: v }));
  const toggleSkill = (code: string, on: boolean) =>
    draft.set((p) => ({
      ...p,
      skills: on ? [...new Set([...p.skills, code])] : p.skills.filter((c) => c !== code),
    }));

  return (
    <form onSubmit={submit} noValidate aria-label="Thông tin thành viên">
      <RestoredNote show={draft.restored} />
      <TextField
        id="m-name"
        label="Họ và tên"
        value={f.name}
        onChange={(v) => set('name', v)}
        error={show.name}
        autoFocus
      />
      <TextField
        id="m-birth"
        label="Năm sinh"
        value={f.birthYear}
        inputMode="numeric"
        onChange={(v) => set('birthYear', v)}
        error={show.birthYear}
      />
      <SelectField
        id="m-gender"
        label="Giới tính"
        value={f.gender}
        options={GENDER_LABEL}
        onChange={(v) => set('gender', v)}
        error={show.gender}
      />
      <SelectField
        id="m-relation"
        label="Quan hệ với chủ hộ"
        value={f.relation}
        options={RELATION_LABEL}
        onChange={(v) => set('relation', v)}
        error={show.relation}
      />
      <fieldset className="checks">
        <legend>Sẵn sàng số</legend>
        <CheckTile
          label="Có điện thoại thông minh"
          checked={f.smartphone}
          onChange={(v) => set('smartphone', v)}
        />
        <CheckTile
          label="Thanh toán không dùng tiền mặt / có tài khoản ngân hàng"
          checked={f.cashless}
          onChange={(v) => set('cashless', v)}
        />
        <CheckTile
          label="Đã dùng dịch vụ công trực tuyến"
          checked={f.onlineServices}
          onChange={(v) => set('onlineServices', v)}
        />
      </fieldset>
      <SelectField
        id="m-vneid"
        label="Tài khoản VNeID"
        value={f.vneid}
        options={VNEID_LABEL}
        onChange={(v) => set('vneid', v)}
        error={show.vneid}
      />
      <SelectField
        id="m-platform"
        label="Nền tảng “Bình dân học vụ số”"
        value={f.platform}
        options={PLATFORM_LABEL}
        onChange={(v) => set('platform', v)}
        error={show.platform}
      />
      <CheckTile
        label="Đã xác minh trên nền tảng (không chỉ tự khai)"
        checked={f.platformVerified}
        onChange={(v) => set('platformVerified', v)}
      />
      <GdsChecks value={f} onChange={(k, on) => set(k, on)} />
      {props.skills.length > 0 && (
        <details className="checks">
          <summary>Kỹ năng đã được hướng dẫn ({f.skills.length})</summary>
          {activeSkills(props.skills).map((s) => (
            <CheckTile
              key={s.code}
              label={`${s.code} ${s.title}`}
              checked={f.skills.includes(s.code)}
              onChange={(v) => toggleSkill(s.code, v)}
            />
          ))}
        </details>
      )}
      <FormActions
        saveLabel={props.saveLabel}
        onCancel={() => void draft.clear().then(props.onCancel)}
      />
    </form>
  );
}
