import { PRIORITY_FLAGS } from '../../../domain/entities';
import { validateHousehold } from '../../../domain/fieldRules';
import type { Session } from '../../session/types';
import { FieldForm, type DraftFormProps } from '../field/fieldForm';
import type { FieldSpec } from '../field/fieldSpec';
import { FLAG_LABEL } from '../field/labels';
import type { HouseholdForm as Form } from './actions';

/** The household form's fields, the village among the session's. */
function householdFields(villages: Session['villages']): FieldSpec<Form>[] {
  return [
    {
      kind: 'select',
      name: 'villageId',
      id: 'hh-village',
      label: 'Thôn / xóm / tổ dân phố',
      options: villages.map((v) => [v.id, v.name]),
      placeholder: '— Chọn thôn —',
      message: 'Hãy chọn thôn.',
      markInvalid: false,
    },
    { kind: 'text', name: 'headName', id: 'hh-head', label: 'Chủ hộ', autoFocus: true },
    { kind: 'text', name: 'address', id: 'hh-address', label: 'Địa chỉ' },
    { kind: 'tel', name: 'phone', id: 'hh-phone', label: 'Số điện thoại (không bắt buộc)' },
    {
      kind: 'group',
      legend: 'Diện ưu tiên',
      fields: PRIORITY_FLAGS.map((k) => ({ kind: 'checkbox', name: k, label: FLAG_LABEL[k] })),
    },
  ];
}

/** Household fields with draft saving; calls onSave only with a valid form. */
export function HouseholdForm({ session, ...form }: DraftFormProps<Form> & { session: Session }) {
  return (
    <FieldForm
      {...form}
      label="Thông tin hộ gia đình"
      validate={validateHousehold}
      fields={householdFields(session.villages)}
    />
  );
}
