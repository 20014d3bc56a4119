import { useEffect, useState } from 'react';
import { db } from '../../db/db';
import { onTablesChanged } from '../../db/tableChanges';
import { setRebuildProgress } from '../dashboard/rebuildProgress';
import { searchField, type SearchResults } from './searchQuery';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; query: string; results: SearchResults | null }
  | { status: 'done'; query: string; results: SearchResults }
  | { status: 'failed'; query: string };

/**
 * The results of a typed query, searched again when households or members change (an edit, a
 * pulled page). While a search runs the last results stay on screen.
 */
export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [version, setVersion] = useState(0);
  useEffect(
    () => onTablesChanged(db, ['households', db.memberChunks.name], () => setVersion((v) => v + 1)),
    [],
  );
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
    searchField(query, db, undefined, setRebuildProgress).then(
      (results) => live && setState({ status: 'done', query, results }),
      () => live && setState({ status: 'failed', query }),
    );
    return () => {
      live = false;
    };
  }, [query, version]);
  return state;
}
