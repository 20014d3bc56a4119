import type { Sql, Store } from '../store/store';

/**
 * How fast passwords can be guessed: leaky buckets of wrong passwords, kept in `login_guards`.
 *
 * - Per login name and client address: 5 wrong passwords, then one more try every 3 minutes (a
 *   full bucket drains in 15 minutes). Someone guessing from elsewhere never slows the owner down.
 * - Per login name, all addresses together: 20 wrong passwords, then one try every 10 minutes
 *   (about 144 a day from all new addresses together). An address the account logged in from in
 *   the last 90 days is the owner's own and is not held back by this bucket: it keeps only its
 *   per-name-and-address bucket (about 480 a day).
 *
 * A try claims its place in the buckets (one transaction, under the rows' locks) BEFORE the
 * password is checked, so tries sent at once can never exceed the limits; a right password gives
 * its place back. Buckets are keyed by the name as typed, so an unknown name is answered exactly
 * like a real one.
 */
export interface Bucket {
  /** Wrong passwords allowed at once. */
  burst: number;
  /** One wrong password drains from the bucket every leakMs. */
  leakMs: number;
}

export const PER_ADDRESS: Bucket = { burst: 5, leakMs: 3 * 60_000 };
export const PER_ACCOUNT: Bucket = { burst: 20, leakMs: 10 * 60_000 };
export const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60_000;
/** The address of the per-account bucket (no client address is written this way). */
const ALL_ADDRESSES = '*';
/** Drained rows deleted per login, so the table never grows with names nobody tries again. */
const PRUNE_BATCH = 100;

/** A claimed try; `perAccount` says whether it holds a place in the per-account bucket too. */
export interface LoginTry {
  username: string;
  address: string;
  perAccount: boolean;
}

/** The level after draining since the last write: $3 is now, $4 the bucket's leakMs. */
const DRAINED = `greatest(0, g.level - greatest(0, extract(epoch FROM $3::timestamptz - g.updated_at) * 1000) / $4::float8)`;

/** Adds one wrong password to a bucket if it fits; answers null when it does not. */
async function claim(
  tx: Sql,
  username: string,
  address: string,
  bucket: Bucket,
  now: Date,
): Promise<{ knownUntil: Date | null } | null> {
  const rows = await tx.query<{ known_until: Date | null }>(
    `INSERT INTO login_guards AS g (username, address, level, updated_at, expires_at)
     VALUES ($1, $2, 1, $3::timestamptz, $3::timestamptz + $4::float8 * interval '1 millisecond')
     ON CONFLICT (username, address) DO UPDATE
        SET level = ${DRAINED} + 1,
            updated_at = $3::timestamptz,
            expires_at = greatest($3::timestamptz + (${DRAINED} + 1) * $4::float8 * interval '1 millisecond',
                                  g.known_until)
      WHERE ${DRAINED} + 1 <= $5::float8
     RETURNING g.known_until`,
    [username, address, now, bucket.leakMs, bucket.burst],
  );
  const row = rows[0];
  return row ? { knownUntil: row.known_until ? new Date(row.known_until) : null } : null;
}

/** Takes one wrong password back out of a bucket (the try was right after all). */
async function giveBack(tx: Sql, username: string, address: string, bucket: Bucket, now: Date) {
  await tx.query(
    `UPDATE login_guards AS g
        SET level = greatest(0, ${DRAINED} - 1),
            updated_at = $3::timestamptz,
            expires_at = greatest($3::timestamptz + greatest(0, ${DRAINED} - 1) * $4::float8 * interval '1 millisecond',
                                  g.known_until)
      WHERE username = $1 AND address = $2`,
    [username, address, now, bucket.leakMs],
  );
}

class Refused extends Error {}

/**
 * Claims a place for one password try of `username` from `address`, or answers null: the caller
 * must then refuse without checking the password.
 */
export async function claimLoginTry(
  store: Store,
  username: string,
  address: string,
  now: number,
): Promise<LoginTry | null> {
  const at = new Date(now);
  // Never waits on a row another login holds, so it cannot deadlock with one.
  await store.query(
    `DELETE FROM login_guards WHERE (username, address) IN (
       SELECT username, address FROM login_guards WHERE expires_at < $1
        ORDER BY expires_at LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`,
    [at],
  );
  try {
    return await store.transaction(async (tx) => {
      const own = await claim(tx, username, address, PER_ADDRESS, at);
      if (!own) throw new Refused();
      const known = own.knownUntil !== null && own.knownUntil.getTime() > now;
      // The pair's row is locked first, then the account's: the same order in every login.
      if (!known && !(await claim(tx, username, ALL_ADDRESSES, PER_ACCOUNT, at)))
        throw new Refused(); // rolls the pair's place back too
      return { username, address, perAccount: !known };
    });
  } catch (error) {
    if (error instanceof Refused) return null;
    throw error;
  }
}

/** The password was right: the try's places are given back and the address becomes known. */
export async function loginSucceeded(tx: Sql, attempt: LoginTry, now: number) {
  const at = new Date(now);
  await giveBack(tx, attempt.username, attempt.address, PER_ADDRESS, at);
  await tx.query(
    `UPDATE login_guards SET known_until = $3, expires_at = greatest(expires_at, $3)
      WHERE username = $1 AND address = $2`,
    [attempt.username, attempt.address, new Date(now + KNOWN_ADDRESS_MS)],
  );
  if (attempt.perAccount) await giveBack(tx, attempt.username, ALL_ADDRESSES, PER_ACCOUNT, at);
}

/** A new password was set: the wrong guesses of the old one no longer hold anyone back. */
export async function forgiveLoginTries(sql: Sql, username: string, now: number) {
  const at = new Date(now);
  await sql.query(
    `UPDATE login_guards SET level = 0, updated_at = $2, expires_at = greatest($2, known_until)
      WHERE username = $1`,
    [username, at],
  );
}
