import type { Database } from 'better-sqlite3';

/** The team's stored scoring overrides (server-owned; written by sync, read at start-up). */
export class ScoringConfigRepository {
  private readonly getStmt;

  constructor(db: Database) {
    this.getStmt = db.prepare<[], { config_json: string }>("SELECT config_json FROM scoring_config WHERE id = 'team'");
  }

  /** The stored JSON text, or null when the team has no overrides. */
  storedJson(): string | null {
    return this.getStmt.get()?.config_json ?? null;
  }
}
