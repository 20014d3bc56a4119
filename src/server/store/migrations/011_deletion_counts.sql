-- A household's delete takes its traders along: they count as traders deleted, towards the
-- sender's day (domain/deletionLimit.ts), as its members count as members.
ALTER TABLE deleted_records ADD COLUMN trader_count integer NOT NULL DEFAULT 0;

-- One open edit per record: later edits of it fold into that row (its oldest values, the newest
-- clocks), so no flood of edits pushes another sender's rows out of the leader's list.
CREATE UNIQUE INDEX deleted_records_one_edit ON deleted_records (commune_code, entity, record_id)
  WHERE status = 'edited';
