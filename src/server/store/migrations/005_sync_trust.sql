-- What an applied op said (a digest) and the clock it was stored under, so an op id seen again
-- is a duplicate only when it says the same (else `op_id_reused`), and a re-sent op whose phone
-- clock ran ahead learns the clock the server gave it. Rows from before have neither: they stay
-- duplicates, as they were answered then.
ALTER TABLE applied_ops ADD COLUMN fingerprint text;
ALTER TABLE applied_ops ADD COLUMN clock text;
-- The record an op wrote: when it is deleted, the digests of its ops go (a digest of a name or a
-- phone could be guessed back from it), and a re-sent op of it stays a duplicate.
ALTER TABLE applied_ops ADD COLUMN record_id uuid;
CREATE INDEX applied_ops_record ON applied_ops (commune_code, record_id)
  WHERE fingerprint IS NOT NULL;

-- A record that leaves a village (its household moved, or it moved to another household) leaves
-- a departure in that village's change stream, at the seq of the change that moved it, so the
-- devices of the old village drop it on their next pull (sync/pull.ts).
CREATE TABLE record_departures (
  commune_code char(5) NOT NULL,
  village_id   uuid NOT NULL,
  seq          bigint NOT NULL,
  entity       text NOT NULL,
  id           uuid NOT NULL,
  PRIMARY KEY (commune_code, village_id, seq, entity, id)
);

-- A tombstone carries no personal data: deleted households, members, traders and pairings keep
-- only the fields that place them (domain/tombstone.ts); the clocks stay.
UPDATE records r
   SET data = (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
                 FROM jsonb_each(r.data) AS e
                WHERE e.key = ANY (CASE r.entity
                        WHEN 'household' THEN ARRAY['villageId', 'deleted']
                        WHEN 'member' THEN ARRAY['householdId', 'villageId', 'deleted']
                        WHEN 'trader' THEN ARRAY['memberId', 'householdId', 'villageId', 'deleted']
                        ELSE ARRAY['menteeId', 'villageId', 'deleted'] END))
 WHERE r.entity IN ('household', 'member', 'trader', 'mentorship')
   AND r.data -> 'deleted' = 'true'::jsonb;
