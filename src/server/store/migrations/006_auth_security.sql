-- Login guessing limits and ended sessions (README, "Accounts and security").

-- Leaky buckets of wrong passwords (src/server/accounts/loginGuard.ts): one per login name and
-- client address, and one per login name for all addresses together (address '*'). Keyed by the
-- name as typed, so an unknown name is limited exactly like an account. Like `usernames` it is
-- read before the commune is known: a reference table in a sharded deployment. A row is deleted
-- once it has drained and its address is no longer a known one (expires_at).
CREATE TABLE login_guards (
  username    text NOT NULL,
  address     text NOT NULL,
  level       double precision NOT NULL,
  updated_at  timestamptz NOT NULL,
  -- Until when this address counts as the account's own (a login succeeded from it).
  known_until timestamptz,
  expires_at  timestamptz NOT NULL,
  PRIMARY KEY (username, address)
);
CREATE INDEX login_guards_expires ON login_guards (expires_at);

-- The account lockout these buckets replace.
ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;

-- A session ended by a password change or reset, or by long disuse: the device must log in again
-- but, unlike a revoked one, keeps its data.
ALTER TABLE devices ADD COLUMN ended_at timestamptz;

-- The password's generation: every change or reset adds one. A login stores the generation of the
-- hash it checked on the device it creates, and a device of another generation is refused
-- (`session_expired`), so a login that checked the old password while the change committed never
-- gets a lasting session.
ALTER TABLE users ADD COLUMN password_version integer NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN password_version integer NOT NULL DEFAULT 0;
