-- Communes (xã / phường / đặc khu) served by this server, by their official 5-digit code.
-- `seq` is the commune's change counter used by sync (see the sync migration).
CREATE TABLE communes (
  code        char(5) PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
  name        text NOT NULL,
  province    text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
