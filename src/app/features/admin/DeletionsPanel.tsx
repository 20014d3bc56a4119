import { useState } from 'react';
import {
  deletionListSchema,
  okSchema,
  type Deletion,
  type DeletionAction,
} from '../../../protocol';
import { apiRequest } from '../../api/client';
import { shortDateTimeLabel } from '../../ui/format/shortDateTime';
import { apiFailureMessage } from '../auth/messages';
import { AccountPicker } from './AccountPicker';
import { useApi } from './useApi';

const WHAT: Record<Deletion['entity'], string> = {
  household: 'Hộ gia đình',
  member: 'Thành viên',
  trader: 'Hộ kinh doanh',
};

/** Each action: its button, what the confirmation says, and what the list says after. */
const ACTIONS: Record<DeletionAction, { button: string; warning: string; confirm: string }> = {
  restore: {
    button: 'Khôi phục',
    warning: 'Dữ liệu sẽ trở lại trên mọi máy của thôn ở lần đồng bộ tới.',
    confirm: 'Xác nhận khôi phục',
  },
  confirm: {
    button: 'Đồng ý xóa',
    warning: 'Mục sẽ bị xóa trên mọi máy; vẫn khôi phục được trong 30 ngày.',
    confirm: 'Xác nhận xóa',
  },
  dismiss: {
    button: 'Giữ lại',
    warning: 'Mục được giữ nguyên, không bị xóa.',
    confirm: 'Xác nhận giữ lại',
  },
  erase: {
    button: 'Xóa vĩnh viễn',
    warning: 'Máy chủ xóa hẳn bản lưu này (theo yêu cầu của người dân); không khôi phục được nữa.',
    confirm: 'Xác nhận xóa vĩnh viễn',
  },
};

const SETTLED: Partial<Record<Deletion['status'], string>> = {
  restored: 'Đã khôi phục',
  confirmed: 'Đã đồng ý xóa',
  dismissed: 'Đã giữ lại',
  erased: 'Đã xóa vĩnh viễn',
  undone: 'Đã hoàn tác',
};

/** An edit's row offers the same restore, said as undoing the edit. */
const UNDO_EDIT = {
  button: 'Hoàn tác',
  warning: 'Tên, địa chỉ, số điện thoại trước khi sửa sẽ trở lại trên mọi máy của thôn.',
  confirm: 'Xác nhận hoàn tác',
};
const actionText = (d: Deletion, action: DeletionAction) =>
  d.status === 'edited' && action === 'restore' ? UNDO_EDIT : ACTIONS[action];

/** Refusals this panel can meet, said for what the leader was doing. */
function actionMessage(code: string, fallback: string): string {
  if (code === 'conflict')
    return 'Mục này đã được xử lý, hoặc hộ của người này đang bị xóa (hãy khôi phục hộ trước).';
  if (code === 'code_taken')
    return 'Mã dán cửa của hộ này nay đã gắn cho hộ khác, nên chưa khôi phục được. Hãy báo cán bộ xã.';
  return fallback;
}

/**
 * "Đã xóa gần đây": who deleted which household or person in the leader's villages (the officer:
 * the commune's) in the last 30 days, from which phone, and who changed a name, address or phone
 * (shown under the name before the edit); a leader restores a deletion or undoes an edit, and
 * confirms or keeps what a volunteer asked to delete past the day's allowance. The officer can
 * also erase what the server kept, for good. Needs the network.
 */
export function DeletionsPanel({
  officer,
  villages,
}: {
  officer: boolean;
  villages: readonly { id: string; name: string }[];
}) {
  const [by, setBy] = useState('');
  const path = by ? `/api/deletions?by=${by}` : '/api/deletions';
  const { data, error, reload } = useApi(path, deletionListSchema);
  const [confirming, setConfirming] = useState<{ id: string; action: DeletionAction } | null>(null);
  const [actionError, setActionError] = useState('');
  const villageName = new Map(villages.map((v) => [v.id, v.name]));

  async function act(id: string, action: DeletionAction) {
    const res = await apiRequest(`/api/deletions/${id}/${action}`, okSchema, { method: 'POST' });
    setConfirming(null);
    setActionError(
      res.ok
        ? ''
        : actionMessage(
            res.error.kind === 'api' ? res.error.code : '',
            apiFailureMessage(res.error),
          ),
    );
    reload();
  }

  const list = data?.deletions ?? [];
  const pending = list.filter((d) => d.status === 'pending');
  const rest = list.filter((d) => d.status !== 'pending');

  const describe = (d: Deletion) => {
    const where = d.villageId ? villageName.get(d.villageId) : undefined;
    const members = d.entity === 'household' && d.memberCount > 0 ? `, ${d.memberCount} người` : '';
    return `${WHAT[d.entity]}${members}${where ? ` · ${where}` : ''}`;
  };

  const buttons = (d: Deletion, actions: DeletionAction[]) =>
    confirming?.id === d.id ? (
      <span role="group" aria-label={`Xác nhận: ${d.label ?? WHAT[d.entity]}`}>
        <span> {actionText(d, confirming.action).warning} </span>
        <button
          className="btn btn-primary"
          type="button"
          onClick={() => void act(d.id, confirming.action)}
        >
          {actionText(d, confirming.action).confirm}
        </button>
        <button className="btn" type="button" onClick={() => setConfirming(null)}>
          Hủy
        </button>
      </span>
    ) : (
      actions.map((action) => (
        <button
          key={action}
          className="btn"
          type="button"
          aria-label={`${actionText(d, action).button}: ${d.label ?? WHAT[d.entity]}`}
          onClick={() => setConfirming({ id: d.id, action })}
        >
          {actionText(d, action).button}
        </button>
      ))
    );

  return (
    <div className="card">
      <h2>Đã xóa gần đây</h2>
      <p className="muted">
        Hộ và người bị xóa trong 30 ngày qua, ai xóa, từ máy nào. Sau 30 ngày, máy chủ xóa hẳn.
      </p>
      <AccountPicker label="Người xóa" value={by} onChange={setBy} />
      {error && <p className="error">{apiFailureMessage(error)}</p>}
      {actionError && (
        <p className="field-error" role="alert">
          {actionError}
        </p>
      )}
      {pending.length > 0 && (
        <>
          <h3>Chờ tổ trưởng đồng ý</h3>
          <ul className="list" aria-label="Yêu cầu xóa chờ đồng ý">
            {pending.map((d) => (
              <li key={d.id} data-testid="deletion-pending">
                <strong>{d.label ?? '(không có tên)'}</strong> · {describe(d)}
                <br />
                <span className="muted">
                  {d.by.displayName} xin xóa lúc {shortDateTimeLabel(d.at)}
                </span>{' '}
                {buttons(d, ['confirm', 'dismiss'])}
              </li>
            ))}
          </ul>
        </>
      )}
      {data && rest.length === 0 && pending.length === 0 && (
        <p className="muted">Chưa có gì bị xóa trong 30 ngày qua.</p>
      )}
      <ul className="list" aria-label="Đã xóa gần đây">
        {rest.map((d) => (
          <li key={d.id} data-testid="deletion-row">
            <strong>{d.label ?? '(không có tên)'}</strong> · {describe(d)}
            <br />
            <span className="muted">
              {d.status === 'confirmed' || d.status === 'dismissed'
                ? `${d.by.displayName} xin xóa lúc ${shortDateTimeLabel(d.at)}`
                : `${d.status === 'edited' || d.status === 'undone' ? 'Sửa tên, địa chỉ hoặc số điện thoại' : 'Xóa'} bởi ${d.by.displayName}${d.by.deviceName ? ` (${d.by.deviceName})` : ''} lúc ${shortDateTimeLabel(d.at)}`}
              {SETTLED[d.status] &&
                ` · ${SETTLED[d.status]}${d.settledBy ? ` bởi ${d.settledBy}` : ''}${d.settledAt ? ` lúc ${shortDateTimeLabel(d.settledAt)}` : ''}`}
            </span>{' '}
            {(d.status === 'deleted' || d.status === 'edited') &&
              buttons(d, officer ? ['restore', 'erase'] : ['restore'])}
          </li>
        ))}
      </ul>
    </div>
  );
}
