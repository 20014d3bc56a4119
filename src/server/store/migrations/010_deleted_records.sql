-- Deletions a leader can see and undo (second security round, defect 6). When a push makes a
-- household, member or trader a tombstone, the server keeps here what the delete erased: the record
-- as it was, and for a household its members, traders, their pairings and its visits' free text
-- (sync/deletions.ts). Never served to devices; purged 30 days after the delete; what it kept goes
-- at once when the officer erases it, and on restore (the records are live again).
--
-- A volunteer's delete past the day's allowance (domain/deletionLimit.ts) is not applied: it waits
-- here as 'pending' until a leader confirms it (then it is applied as the leader's) or dismisses it.
CREATE TABLE deleted_records (
  id           uuid PRIMARY KEY,
  commune_code char(5) NOT NULL,
  -- 'deleted' (restorable), 'pending' (waits for a leader), 'restored', 'confirmed', 'dismissed',
  -- 'erased' (what it kept is gone; the row says who deleted what, and when, without a name).
  status       text NOT NULL,
  entity       text NOT NULL,
  record_id    uuid NOT NULL,
  village_id   uuid,
  -- Who sent the delete (or asked for it): the token's account and device, as authenticated.
  user_id      uuid NOT NULL,
  device_id    uuid NOT NULL,
  at           timestamptz NOT NULL,
  -- What the leader recognises it by: the head's or the person's name, and how many members went.
  label        text,
  member_count integer NOT NULL DEFAULT 0,
  -- The records as they were before the delete: [{entity, id, villageId, data, clocks}].
  records      jsonb,
  -- Who restored, confirmed or dismissed it, and when.
  settled_by   uuid,
  settled_at   timestamptz
);
CREATE INDEX deleted_records_at ON deleted_records (at);
CREATE INDEX deleted_records_user_at ON deleted_records (commune_code, user_id, at);
CREATE UNIQUE INDEX deleted_records_one_pending ON deleted_records (commune_code, entity, record_id)
  WHERE status = 'pending';
