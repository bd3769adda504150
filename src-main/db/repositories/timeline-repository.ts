import type { Database } from 'better-sqlite3';
import type { TimelineEntry } from '../../../src-shared/ipc/timeline-schemas';

/** Notes are shown on the timeline by their start; the account page lists them whole. */
const EXCERPT_CHARS = 240;

/** The reads behind an account's timeline: each kind's newest entries, on its own index. */
export class TimelineRepository {
  private readonly touchpointsStmt;
  private readonly notesStmt;
  private readonly eventsStmt;
  private readonly surveysStmt;
  private readonly sentimentsStmt;

  constructor(db: Database) {
    this.touchpointsStmt = db.prepare<[string, number], { id: string; at: string; kind: string; title: string; status: 'done' | 'skipped' | 'cancelled'; outcome: string | null; sentiment: 'positive' | 'neutral' | 'negative' | null }>(
      `SELECT id, COALESCE(completed_at, updated_at) AS at, kind, title, status, outcome, sentiment FROM touchpoints
       WHERE account_id = ? AND status <> 'planned' AND deleted_at IS NULL ORDER BY at DESC LIMIT ?`,
    );
    this.notesStmt = db.prepare<[string, number], { id: string; at: string; excerpt: string; author: string | null }>(
      `SELECT n.id, n.created_at AS at, substr(n.body, 1, ${EXCERPT_CHARS}) AS excerpt, u.name AS author
       FROM notes n LEFT JOIN users u ON u.id = n.author_id
       WHERE n.account_id = ? AND n.deleted_at IS NULL ORDER BY n.created_at DESC LIMIT ?`,
    );
    this.eventsStmt = db.prepare<[string, number], { id: string; at: string; from_level: number | null; to_level: number; why: string }>(
      `SELECT id, at, from_level, to_level, why FROM escalation_events WHERE account_id = ? AND deleted_at IS NULL ORDER BY at DESC LIMIT ?`,
    );
    this.surveysStmt = db.prepare<[string, number], { id: string; at: string; kind: 'nps' | 'csat' | 'ces'; score: number; comment: string | null }>(
      `SELECT id, answered_at AS at, kind, score, comment FROM surveys WHERE account_id = ? AND deleted_at IS NULL ORDER BY answered_at DESC LIMIT ?`,
    );
    this.sentimentsStmt = db.prepare<[string, number], { id: string; at: string; rating: 'red' | 'amber' | 'green'; reason: string; author: string | null }>(
      `SELECT s.id, s.at, s.rating, s.reason, u.name AS author FROM csm_sentiments s LEFT JOIN users u ON u.id = s.author_id
       WHERE s.account_id = ? AND s.deleted_at IS NULL ORDER BY s.at DESC LIMIT ?`,
    );
  }

  /** The newest `limit` entries of every kind, merged newest first and cut to `limit`. */
  entries(accountId: string, limit: number): TimelineEntry[] {
    const all: TimelineEntry[] = [
      ...this.touchpointsStmt.all(accountId, limit).map((r): TimelineEntry => ({
        kind: 'touchpoint', id: r.id, at: r.at, touchpointKind: r.kind, title: r.title, status: r.status, outcome: r.outcome, sentiment: r.sentiment,
      })),
      ...this.notesStmt.all(accountId, limit).map((r): TimelineEntry => ({ kind: 'note', id: r.id, at: r.at, excerpt: r.excerpt, authorName: r.author })),
      ...this.eventsStmt.all(accountId, limit).map((r): TimelineEntry => ({ kind: 'escalation', id: r.id, at: r.at, fromLevel: r.from_level, toLevel: r.to_level, why: r.why })),
      ...this.surveysStmt.all(accountId, limit).map((r): TimelineEntry => ({ kind: 'survey', id: r.id, at: r.at, surveyKind: r.kind, score: r.score, comment: r.comment })),
      ...this.sentimentsStmt.all(accountId, limit).map((r): TimelineEntry => ({ kind: 'sentiment', id: r.id, at: r.at, rating: r.rating, reason: r.reason, authorName: r.author })),
    ];
    return all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
  }
}
