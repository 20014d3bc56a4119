-- Who sent each applied operation: the account and the device whose token pushed it, as the server
-- authenticated them (never what the phone says: an op's clock names a node the phone picks).
-- With the record's entity, a leader can see who deleted what (second security round, defect 6).
-- Operations applied before this migration keep NULL: their sender was not recorded.
ALTER TABLE applied_ops ADD COLUMN user_id uuid;
ALTER TABLE applied_ops ADD COLUMN device_id uuid;
ALTER TABLE applied_ops ADD COLUMN entity text;
