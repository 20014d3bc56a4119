-- Sync: every synced record of a commune, with per-field clocks, and the commune's change counter.
-- See src/server/sync/push.ts for why the counter row makes pull cursors safe.

CREATE TABLE sync_counters (
  commune_code char(5) PRIMARY KEY REFERENCES communes (code),
  seq          bigint NOT NULL DEFAULT 0
);

CREATE TABLE records (
  commune_code char(5) NOT NULL,
  entity       text NOT NULL,
  id           uuid NOT NULL,
  -- Derived by the server: a household's village, or its household's for dependants;
  -- NULL for commune-wide reference data (skills, targets), which every device receives.
  village_id   uuid,
  data         jsonb NOT NULL,
  clocks       jsonb NOT NULL,
  -- Position in the commune's change stream: bumped on every change to the record.
  seq          bigint NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, entity, id)
);
CREATE INDEX records_village_seq ON records (commune_code, village_id, seq);
CREATE INDEX records_seq ON records (commune_code, seq);
CREATE INDEX records_household ON records (commune_code, (data ->> 'householdId'))
  WHERE data ? 'householdId';
CREATE INDEX records_mentee ON records (commune_code, (data ->> 'menteeId'))
  WHERE entity = 'mentorship';

-- Operations already applied, so a re-sent batch changes nothing and bumps no seq.
CREATE TABLE applied_ops (
  commune_code char(5) NOT NULL,
  op_id        uuid NOT NULL,
  status       text NOT NULL,
  applied_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, op_id)
);
