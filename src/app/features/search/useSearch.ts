import { useEffect, useState } from 'react';
import { onDataChanged, search, type SearchResults } from '../../db';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; query: string; results: SearchResults | null }
  | { status: 'done'; query: string; results: SearchResults }
  | { status: 'failed'; query: string };

/**
 * The results of a typed query, searched again when the indexer has written new search entries
 * (after an edit or a pulled page, app/db's indexer.ts). While a search runs the last results stay
 * on screen.
 */
export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [version, setVersion] = useState(0);
  useEffect(() => onDataChanged(['index'], () => setVersion((v) => v + 1)), []);
  useEffect(() => {
    if (query.trim() === '') {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => ({
      status: 'searching',
      query,
      results: s.status === 'done' || s.status === 'searching' ? s.results : null,
    }));
    search.query(query).then(
      (results) => live && setState({ status: 'done', query, results }),
      () => live && setState({ status: 'failed', query }),
    );
    return () => {
      live = false;
    };
  }, [query, version]);
  return state;
}
