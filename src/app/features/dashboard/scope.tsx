import type { Scope } from '../../../domain/reportScope';
import type { Session } from '../../session/types';

/**
 * Whose figures a view shows. An officer sees the commune or one village; a leader or volunteer
 * sees the villages they serve (all together, or one).
 */
export const ALL = 'all';

export interface ScopeOption {
  value: string;
  label: string;
}

export function scopeOptions(session: Session): ScopeOption[] {
  const villages = session.villages.map((v) => ({ value: v.id, label: v.name }));
  if (session.user.role === 'officer') return [{ value: ALL, label: 'Toàn xã' }, ...villages];
  if (villages.length <= 1)
    return villages.length ? villages : [{ value: ALL, label: 'Chưa có thôn' }];
  return [{ value: ALL, label: 'Các thôn của tôi' }, ...villages];
}

export function scopeFor(session: Session, value: string): Scope {
  if (value !== ALL) return { villageIds: [value] };
  if (session.user.role === 'officer') return 'commune';
  return { villageIds: session.villages.map((v) => v.id) };
}

export function scopeLabel(session: Session, value: string): string {
  if (value === ALL && session.user.role !== 'officer')
    return session.villages.map((v) => v.name).join(', ') || 'Chưa có thôn';
  return scopeOptions(session).find((o) => o.value === value)?.label ?? 'Toàn xã';
}

export function villageNamer(session: Session): (id: string) => string {
  const names = new Map(session.villages.map((v) => [v.id, v.name]));
  return (id) => names.get(id) ?? 'Thôn khác';
}

export function ScopePicker(props: {
  session: Session;
  value: string;
  onChange: (value: string) => void;
}) {
  const options = scopeOptions(props.session);
  if (options.length <= 1) return null;
  return (
    <label className="field no-print">
      <span>Phạm vi</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
