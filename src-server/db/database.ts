/**
 * The one interface the server's SQL runs through, over PostgreSQL (`pg`) or embedded PGlite: both
 * speak the same dialect, so repositories and migrations are written once. Parameters are always
 * passed separately ($1, $2, ...), never spliced into the text.
 */
export interface Queryable {
  /** One statement with parameters; the rows it returns. */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Calls `onPayload` for every NOTIFY on `channel` from any process on this database (PostgreSQL:
   * a dedicated connection; PGlite: its own notifications). Resolves to a function that stops it.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** 'postgres' or 'pglite', for logs and tests. */
  readonly kind: 'postgres' | 'pglite';
}
