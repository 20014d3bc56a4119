import { useDeferredValue, useState } from 'react';
import { href, navigate } from '../../platform/router';
import { useIndexing } from '../../state/indexing';
import { formatProgress } from '../../ui/format';
import { RELATION_LABEL } from '../field/labels';
import { useSearch } from './useSearch';

/** "/tim": find a household or a person by name, address or phone, with or without diacritics. */
export function SearchScreen() {
  const [text, setText] = useState('');
  const q = useDeferredValue(text);
  const search = useSearch(q);
  const progress = useIndexing((s) => s.progress);
  const results = search.status === 'done' || search.status === 'searching' ? search.results : null;
  const empty =
    search.status === 'done' && results && results.households.length + results.members.length === 0;
  return (
    <section>
      <h1>Tìm kiếm</h1>
      <label htmlFor="search-q">Tên, địa chỉ hoặc số điện thoại</label>
      <input
        id="search-q"
        type="search"
        autoFocus
        value={text}
        placeholder="vd: nguyen van a"
        onChange={(e) => setText(e.target.value)}
      />
      {/* While the indexer rebuilds, what is found may not be everything yet. */}
      {results && progress && (
        <p className="muted" role="status">
          Đang chuẩn bị dữ liệu tìm kiếm… {formatProgress(progress.done, progress.total)}
        </p>
      )}
      {search.status === 'failed' && (
        <p role="alert">Không tìm được: không đọc được dữ liệu trên máy. Hãy thử lại.</p>
      )}
      {empty && <p className="muted">Không tìm thấy ai.</p>}
      {results && results.households.length > 0 && (
        <>
          <h2>Hộ gia đình</h2>
          <ul className="list" aria-label="Hộ tìm thấy">
            {results.households.map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  className="card row-link"
                  onClick={() => navigate(href('/ho/:id', { id: h.id }))}
                >
                  <strong>{h.headName}</strong>
                  <span>
                    {h.address}
                    {h.phone ? ` · ${h.phone}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {results && results.members.length > 0 && (
        <>
          <h2>Thành viên</h2>
          <ul className="list" aria-label="Thành viên tìm thấy">
            {results.members.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="card row-link"
                  onClick={() => navigate(href('/ho/:id', { id: m.householdId }))}
                >
                  <strong>{m.name}</strong>
                  <span>
                    {m.birthYear} · {RELATION_LABEL[m.relation]}
                    {m.household ? ` · hộ ${m.household.headName}, ${m.household.address}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
