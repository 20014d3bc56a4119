import { useState } from 'react';
import { navigate } from '../../platform/router';
import type { TodoSectionData } from './sections';

const PAGE = 30;

/** One to-do list: a count, then rows that open the household. */
export function TodoSection({ section }: { section: TodoSectionData }) {
  const [shown, setShown] = useState(PAGE);
  const id = `todo-${section.key}`;
  return (
    <section className="card" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>
        {section.title} <span className="count">({section.rows.length})</span>
      </h2>
      {section.rows.length === 0 ? (
        <p className="muted">{section.empty}</p>
      ) : (
        <ul className="list" aria-label={section.title}>
          {section.rows.slice(0, shown).map((r) => (
            <li key={r.key}>
              {r.href ? (
                <a
                  className="row-link"
                  href={r.href}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(r.href ?? '/');
                  }}
                >
                  <strong>{r.title}</strong>
                  <span className="muted">{r.detail}</span>
                </a>
              ) : (
                <div className="row-link">
                  <strong>{r.title}</strong>
                  <span className="muted">{r.detail}</span>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {section.rows.length > shown && (
        <button type="button" className="btn" onClick={() => setShown((n) => n + PAGE * 3)}>
          Xem thêm ({section.rows.length - shown} dòng)
        </button>
      )}
    </section>
  );
}
