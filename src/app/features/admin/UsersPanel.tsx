import { useState, type FormEvent } from 'react';
import { userListSchema, userWithPasswordSchema, villageListSchema } from '../../../protocol';
import type { Role } from '../../../protocol/roles';
import { apiRequest } from '../../api/client';
import type { Session } from '../../session/types';
import { Field, FormError } from '../auth/Field';
import { apiFailureMessage } from '../auth/messages';
import { useApi } from './useApi';

const ROLE_LABEL: Record<Role, string> = {
  volunteer: 'Tình nguyện viên',
  leader: 'Tổ trưởng',
  officer: 'Cán bộ xã',
};

/** Volunteers (leader: in their own villages) and, for the officer, every account of the commune. */
export function UsersPanel({ session }: { session: Session }) {
  const { data, error, reload } = useApi('/api/users', userListSchema);
  const officer = session.user.role === 'officer';
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('volunteer');
  const [villageIds, setVillageIds] = useState<string[]>([]);
  const [formError, setFormError] = useState('');
  const [created, setCreated] = useState<{
    name: string;
    username: string;
    password: string;
  } | null>(null);
  // Villages as the server knows them now (the officer may have just added one).
  const villageList = useApi('/api/villages', villageListSchema).data?.villages ?? session.villages;
  const villages = villageList.filter((v) => !('archived' in v && v.archived));
  const villageName = new Map(villageList.map((v) => [v.id, v.name]));

  async function create(e: FormEvent) {
    e.preventDefault();
    const res = await apiRequest('/api/users', userWithPasswordSchema, {
      body: { displayName, username, role, villageIds },
    });
    if (!res.ok) return setFormError(apiFailureMessage(res.error));
    setCreated({
      // As the server stored it (it cleans names: no invisible characters, one space between words).
      name: res.value.user.displayName,
      username: res.value.user.username,
      password: res.value.temporaryPassword ?? '',
    });
    setDisplayName('');
    setUsername('');
    setVillageIds([]);
    setFormError('');
    reload();
  }

  const toggle = (id: string) =>
    setVillageIds((ids) => (ids.includes(id) ? ids.filter((v) => v !== id) : [...ids, id]));

  return (
    <div className="card">
      <h2>{officer ? 'Tài khoản' : 'Tình nguyện viên'}</h2>
      {error && <p className="error">{apiFailureMessage(error)}</p>}
      <ul className="list" aria-label="Danh sách tài khoản">
        {data?.users.map((u) => (
          <li key={u.id}>
            <strong>{u.displayName}</strong> · {u.username} · {ROLE_LABEL[u.role]}
            {u.villageIds.length > 0 && (
              <span className="muted">
                {' '}
                · {u.villageIds.map((id) => villageName.get(id) ?? '?').join(', ')}
              </span>
            )}
            {u.mustChangePassword && <span className="muted"> · chưa đổi mật khẩu tạm</span>}
            {u.disabled && <span className="muted"> · đã khóa</span>}
          </li>
        ))}
      </ul>
      {created && (
        <div className="banner" role="status" data-testid="temporary-password">
          Đã tạo tài khoản cho {created.name}. Tên đăng nhập: <strong>{created.username}</strong>.
          Mật khẩu tạm: <strong>{created.password}</strong> — chỉ hiện một lần; người dùng phải đổi
          khi đăng nhập.
        </div>
      )}
      <form onSubmit={create}>
        <h3>{officer ? 'Thêm tài khoản' : 'Thêm tình nguyện viên'}</h3>
        <Field
          label="Họ và tên"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <Field
          label={role === 'volunteer' ? 'Số điện thoại (tên đăng nhập)' : 'Tên đăng nhập'}
          inputMode={role === 'volunteer' ? 'tel' : 'text'}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        {officer && (
          <label className="field">
            Vai trò
            <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {(Object.keys(ROLE_LABEL) as Role[]).map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset className="choices">
          <legend>Phụ trách thôn, xóm</legend>
          {villages.map((v) => (
            <label key={v.id} className="choice">
              <input
                type="checkbox"
                checked={villageIds.includes(v.id)}
                onChange={() => toggle(v.id)}
              />
              {v.name}
            </label>
          ))}
        </fieldset>
        <FormError message={formError} />
        <button className="btn btn-primary" type="submit">
          Tạo tài khoản
        </button>
      </form>
    </div>
  );
}
