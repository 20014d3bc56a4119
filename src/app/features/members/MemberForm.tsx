import { currentYear } from '../../../domain/dateBounds';
import { validateMember } from '../../../domain/fieldRules';
import { activeSkills, type SkillRef } from '../../../domain/skills';
import { CheckTile } from '../field/FormBits';
import { FieldForm, type DraftFormProps } from '../field/fieldForm';
import { allOptions, type FieldSpec } from '../field/fieldSpec';
import { GENDER_LABEL, PLATFORM_LABEL, RELATION_LABEL, VNEID_LABEL } from '../field/labels';
import { GdsChecks } from '../gds/GdsChecks';
import type { MemberForm as Form } from './actions';

/** The member form's fields; the skills taught are ticked among the commune's framework. */
function memberFields(skills: SkillRef[]): FieldSpec<Form>[] {
  return [
    { kind: 'text', name: 'name', id: 'm-name', label: 'Họ và tên', autoFocus: true },
    { kind: 'number', name: 'birthYear', id: 'm-birth', label: 'Năm sinh' },
    {
      kind: 'select',
      name: 'gender',
      id: 'm-gender',
      label: 'Giới tính',
      options: allOptions(GENDER_LABEL),
    },
    {
      kind: 'select',
      name: 'relation',
      id: 'm-relation',
      label: 'Quan hệ với chủ hộ',
      options: allOptions(RELATION_LABEL),
    },
    {
      kind: 'group',
      legend: 'Sẵn sàng số',
      fields: [
        { kind: 'checkbox', name: 'smartphone', label: 'Có điện thoại thông minh' },
        {
          kind: 'checkbox',
          name: 'cashless',
          label: 'Thanh toán không dùng tiền mặt / có tài khoản ngân hàng',
        },
        { kind: 'checkbox', name: 'onlineServices', label: 'Đã dùng dịch vụ công trực tuyến' },
      ],
    },
    {
      kind: 'select',
      name: 'vneid',
      id: 'm-vneid',
      label: 'Tài khoản VNeID',
      options: allOptions(VNEID_LABEL),
    },
    {
      kind: 'select',
      name: 'platform',
      id: 'm-platform',
      label: 'Nền tảng “Bình dân học vụ số”',
      options: allOptions(PLATFORM_LABEL),
    },
    {
      kind: 'checkbox',
      name: 'platformVerified',
      label: 'Đã xác minh trên nền tảng (không chỉ tự khai)',
    },
    {
      kind: 'slot',
      key: 'gds',
      render: ({ value, set }) => <GdsChecks value={value} onChange={(k, on) => set(k, on)} />,
    },
    {
      kind: 'slot',
      key: 'skills',
      render: ({ value, toggle }) =>
        skills.length > 0 && (
          <details className="checks">
            <summary>Kỹ năng đã được hướng dẫn ({value.skills.length})</summary>
            {activeSkills(skills).map((s) => (
              <CheckTile
                key={s.code}
                label={`${s.code} ${s.title}`}
                checked={value.skills.includes(s.code)}
                onChange={(on) => toggle('skills', s.code, on)}
              />
            ))}
          </details>
        ),
    },
  ];
}

/** A member's identity and digital readiness, with draft saving. */
export function MemberForm({ skills, ...form }: DraftFormProps<Form> & { skills: SkillRef[] }) {
  return (
    <FieldForm
      {...form}
      label="Thông tin thành viên"
      validate={(v) => validateMember(v, currentYear(Date.now()))}
      fields={memberFields(skills)}
    />
  );
}
