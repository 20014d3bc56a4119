import { useMemo, useState } from 'react';
import { DEFAULT_STALE_DAYS, buildTodoLists } from '../../../domain/todo';
import { useSession } from '../../session/useSession';
import { ALL, ScopePicker, scopeFor } from '../dashboard/scope';
import { todayVn, useViewData } from '../dashboard/useViewData';
import { todoSections } from './sections';
import { TodoSection } from './TodoSection';

export const STALE_CHOICES = [7, 14, 30, 60, 90];

/** "/viec-can-lam": what the team should do next; each row opens the household. */
export function TodoScreen() {
  const session = useSession();
  const data = useViewData();
  const [value, setValue] = useState(ALL);
  const [staleDays, setStaleDays] = useState(DEFAULT_STALE_DAYS);
  const today = todayVn();
  const scope = useMemo(() => (session ? scopeFor(session, value) : null), [session, value]);
  const sections = useMemo(() => {
    if (!data || !scope) return null;
    return todoSections(buildTodoLists(data, scope, today, staleDays), data);
  }, [data, scope, today, staleDays]);
  if (!session || !sections) return <p className="muted">Đang tải danh sách…</p>;
  return (
    <section>
      <h1>Việc cần làm</h1>
      <ScopePicker session={session} value={value} onChange={setValue} />
      <label className="field">
        <span>Lâu chưa thăm: từ bao nhiêu ngày</span>
        <select value={staleDays} onChange={(e) => setStaleDays(Number(e.target.value))}>
          {STALE_CHOICES.map((d) => (
            <option key={d} value={d}>
              {d} ngày
            </option>
          ))}
        </select>
      </label>
      {sections.map((s) => (
        <TodoSection key={s.key} section={s} />
      ))}
    </section>
  );
}
