/** What the server needs from a database: PGlite (embedded) and PostgreSQL both provide it. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements with no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Store extends Sql {
  readonly kind: DatabaseKind;
  /** How many statements the database runs at once (PGlite: one; PostgreSQL: its pool's size). */
  readonly concurrency: number;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
