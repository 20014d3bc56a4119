import { mergeRanges, RangeSet, type DBCore, type Middleware } from 'dexie';
import { CHUNK_TABLES } from './tables';

/**
 * Live queries learn what a write changed from Dexie's observability middleware, which, for a
 * write of fewer than 50 rows, notes every key and index value it touched in interval trees that
 * each open live query then merges. A chunk of records (recordChunks.ts) carries 25 ids and their
 * households in multi-entry indexes, so a pulled page written as a few dozen chunks noted
 * thousands of random keys, and every live query on screen merged them again, page after page. For tables of chunks this says
 * "the whole table changed" up front (what Dexie itself says for a write of 50 rows or more):
 * every live query reading members or visits looks again, and the notes stay small.
 */
export const coarseChangesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'tung-nha-coarse-changes',
  // Above Dexie's observability middleware (level 0), so its notes start from the whole range.
  level: 0.5,
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (!CHUNK_TABLES.has(name)) return table;
        const parts = ['', ':dels', ...table.schema.indexes.map((i) => i.name)].map(
          (part) => `idb://${down.schema.name}/${name}/${part}`,
        );
        return {
          ...table,
          mutate(req) {
            const mutatedParts = req.mutatedParts ?? {};
            for (const part of parts) {
              const whole = new RangeSet(down.MIN_KEY, down.MAX_KEY);
              const noted = mutatedParts[part];
              if (noted) mergeRanges(noted, whole);
              else mutatedParts[part] = whole;
            }
            return table.mutate({ ...req, mutatedParts });
          },
        };
      },
    };
  },
};
