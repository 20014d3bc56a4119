-- A change's seq is unique within its commune (push.ts hands them out one by one under the counter
-- row's lock). Pull pages pick their seqs first and then read the rows by seq (sync/pull.ts), so
-- the index that serves that read now also enforces the uniqueness the cursor relies on.
CREATE UNIQUE INDEX records_commune_seq ON records (commune_code, seq);
DROP INDEX records_seq;
