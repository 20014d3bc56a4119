import { userListSchema } from '../../../protocol';
import { useApi } from './useApi';

/** A choice of one of the commune's accounts (or all, ''), to see one person's rows in a list. */
export function AccountPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (userId: string) => void;
}) {
  const users = useApi('/api/users', userListSchema).data?.users ?? [];
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Tất cả</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}
