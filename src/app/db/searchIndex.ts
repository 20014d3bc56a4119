import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { searchKeys } from '../../domain/normalize';

/**
 * The search index: every household and member row carries `_words`, the word-suffixes of its
 * searchable texts (see searchKeys), under a multi-entry Dexie index. It is computed here, in a
 * DBCore middleware, so it stays right however a row is written (a user's edit through writeAll,
 * a sync pull, a bulk import). `_words` is local only: it never enters the outbox or the merge.
 */
export const SEARCH_FIELD = '_words';

const TEXTS: Record<string, (row: Record<string, unknown>) => (string | undefined)[]> = {
  households: (r) => [str(r.headName), str(r.address), str(r.phone)],
  members: (r) => [str(r.name)],
};

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function withWords(table: string, value: unknown): unknown {
  const texts = TEXTS[table];
  if (!texts || typeof value !== 'object' || value === null) return value;
  const row = value as Record<string, unknown>;
  return { ...row, [SEARCH_FIELD]: searchKeys(texts(row)) };
}

export const searchIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'tung-nha-search-index',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (!TEXTS[name]) return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type === 'add' || req.type === 'put') {
              return table.mutate({ ...req, values: req.values.map((v) => withWords(name, v)) });
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};
