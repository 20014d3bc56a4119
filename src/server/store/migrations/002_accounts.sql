-- Accounts, villages and devices. The commune code leads every primary key so that a
-- province- or nation-wide deployment can shard every table on it (see README, "Scaling out").

CREATE TABLE villages (
  commune_code char(5) NOT NULL REFERENCES communes (code),
  id           uuid NOT NULL,
  name         text NOT NULL,
  kind         text NOT NULL DEFAULT 'thon'
               CHECK (kind IN ('thon', 'xom', 'ban', 'ap', 'to_dan_pho', 'khu_pho', 'khac')),
  archived     boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, id)
);
CREATE UNIQUE INDEX villages_name ON villages (commune_code, lower(name));

CREATE TABLE users (
  commune_code         char(5) NOT NULL REFERENCES communes (code),
  id                   uuid NOT NULL,
  username             text NOT NULL,
  display_name         text NOT NULL,
  role                 text NOT NULL CHECK (role IN ('volunteer', 'leader', 'officer')),
  password_hash        text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  created_by           uuid,
  failed_logins        integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  disabled             boolean NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, id)
);

-- Login names are unique across the whole server: a volunteer logs in with a phone number and
-- a password, without knowing their commune's code. In a sharded deployment this small table is
-- a reference table.
CREATE TABLE usernames (
  username     text PRIMARY KEY CHECK (username = lower(username)),
  commune_code char(5) NOT NULL,
  user_id      uuid NOT NULL
);

CREATE TABLE user_villages (
  commune_code char(5) NOT NULL,
  user_id      uuid NOT NULL,
  village_id   uuid NOT NULL,
  PRIMARY KEY (commune_code, user_id, village_id),
  FOREIGN KEY (commune_code, user_id) REFERENCES users (commune_code, id) ON DELETE CASCADE,
  FOREIGN KEY (commune_code, village_id) REFERENCES villages (commune_code, id)
);

-- One row per logged-in device. The token is `tn1.<commune>.<device id>.<secret>`; only
-- sha256(secret) is stored, so a database leak reveals no usable token.
CREATE TABLE devices (
  commune_code char(5) NOT NULL,
  id           uuid NOT NULL,
  user_id      uuid NOT NULL,
  name         text NOT NULL,
  secret_hash  bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  revoked_by   uuid,
  PRIMARY KEY (commune_code, id),
  FOREIGN KEY (commune_code, user_id) REFERENCES users (commune_code, id) ON DELETE CASCADE
);
CREATE INDEX devices_user ON devices (commune_code, user_id);
