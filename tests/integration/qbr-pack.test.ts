import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/db/open-store';
import { AccountInputsRepository } from '../../src-main/db/repositories/account-inputs-repository';
import { OutboxQueueRepository } from '../../src-main/db/repositories/outbox-queue-repository';
import { generateDemoBook } from '../../src-main/demo/demo-book';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import { scoreAccount } from '../../src-shared/domain/account-score';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import { computeHealth } from '../../src-shared/scoring/health';
import { assembleAccountInputs } from '../../src-shared/domain/account-inputs';
import { errorOf, ok } from '../helpers/ipc-results';
import { pdfPages } from '../helpers/pdf-text';

const AS_OF = new Date('2026-11-24T10:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'qbr-pack-'));
let db: Database;
let dispatch: IpcDispatch;
let accountIds: string[];

beforeAll(() => {
  db = openStore({ dataDir: dir });
  const { localUserId } = generateDemoBook(db, { accounts: 24, seed: 7, asOf: AS_OF });
  dispatch = createIpcDispatcher(createServiceContext(db, { now: () => AS_OF, localUserId }), { validateResponses: true });
  accountIds = (db.prepare("SELECT id FROM accounts WHERE status = 'active' ORDER BY id").all() as { id: string }[]).map((r) => r.id);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

type Pack = IpcResponse<'qbr.pack'>;
const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

describe('a QBR pack from the local store', () => {
  it("equals the engine's figures and the stored rows of a finished quarter", () => {
    const inputs = new AccountInputsRepository(db);
    for (const accountId of accountIds.slice(0, 8)) {
      const { pack } = ok<Pack>(dispatch('qbr.pack', { accountId, quarter: '2026-Q3' }));
      const start = new Date('2026-07-01T00:00:00.000Z');
      const end = new Date('2026-09-30T23:59:59.999Z');
      const account = db.prepare('SELECT payment_overdue_days AS paymentOverdueDays, competitor_evaluation AS competitorEvaluation FROM accounts WHERE id = ?').get(accountId) as { paymentOverdueDays: number; competitorEvaluation: number };
      const engineEnd = scoreAccount(inputs.factsAt(accountId, end), null, { paymentOverdueDays: account.paymentOverdueDays, competitorEvaluation: account.competitorEvaluation === 1 }, end);
      expect(pack.health.end).toBe(engineEnd.health.score);
      expect(pack.health.start).toBe(computeHealth(assembleAccountInputs(inputs.factsAt(accountId, start), start).health).score);
      expect(pack.risks.map((s) => s.key)).toEqual(engineEnd.risk.signals.map((s) => s.key));
      expect(pack.touchpoints.held).toHaveLength(count(
        "SELECT COUNT(*) AS n FROM touchpoints WHERE account_id = ? AND status = 'done' AND completed_at >= '2026-07-01' AND completed_at < '2026-10-01' AND deleted_at IS NULL", accountId,
      ));
      expect(pack.surveys.answers).toHaveLength(count("SELECT COUNT(*) AS n FROM surveys WHERE account_id = ? AND answered_at >= '2026-07-01' AND answered_at < '2026-10-01'", accountId));
      // Thirteen week ends and the quarter's last day, each scored by the engine.
      expect(pack.health.trend).toHaveLength(14);
      expect(pack.health.trend.at(-1)).toEqual({ date: '2026-09-30', score: engineEnd.health.score, tier: engineEnd.health.tier });
      expect(pack.period).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    }
  });

  it('ends a quarter still running today, and refuses a quarter to come, a malformed one and an unknown account', () => {
    const { pack } = ok<Pack>(dispatch('qbr.pack', { accountId: accountIds[0], quarter: '2026-Q4' }));
    expect(pack.period.end).toBe('2026-11-24');
    expect(pack.asOf).toBe(AS_OF.toISOString());
    expect(errorOf(dispatch('qbr.pack', { accountId: accountIds[0], quarter: '2027-Q1' }))).toMatchObject({ code: 'VALIDATION', field: 'quarter' });
    expect(errorOf(dispatch('qbr.pack', { accountId: accountIds[0], quarter: '2026-Q5' }))).toMatchObject({ code: 'VALIDATION', field: 'quarter' });
    expect(errorOf(dispatch('qbr.pack', { accountId: 'nope', quarter: '2026-Q4' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("keeps the CSM's plan and commentary, one row per account and quarter, queued for the team", () => {
    const accountId = accountIds[1]!;
    expect(ok<Pack>(dispatch('qbr.pack', { accountId, quarter: '2026-Q4' })).plan).toBeNull();
    const first = ok<IpcResponse<'qbr.save'>>(dispatch('qbr.save', { accountId, quarter: '2026-Q4', nextPlan: '- Train finance', commentary: 'Solid quarter' })).plan;
    const second = ok<IpcResponse<'qbr.save'>>(dispatch('qbr.save', { accountId, quarter: '2026-Q4', nextPlan: '- Train finance\n- Review API limits', commentary: 'Solid quarter' })).plan;
    expect(second.id).toBe(first.id);
    expect(ok<Pack>(dispatch('qbr.pack', { accountId, quarter: '2026-Q4' })).plan).toMatchObject({ nextPlan: '- Train finance\n- Review API limits', commentary: 'Solid quarter', exportedAt: null });
    expect(count("SELECT COUNT(*) AS n FROM qbr_plans WHERE account_id = ? AND quarter = '2026-Q4'", accountId)).toBe(1);
    const queued = new OutboxQueueRepository(db).allPending().filter((m) => m.entity === 'qbr_plans');
    expect(queued.map((m) => m.rowId)).toEqual([first.id, first.id]);
    expect(errorOf(dispatch('qbr.save', { accountId, quarter: '2026-Q4', nextPlan: 'x'.repeat(20_001), commentary: '' }))).toMatchObject({ code: 'VALIDATION', field: 'nextPlan' });
  });

  it("compares with the previous quarter's exported figures, and ignores a snapshot that does not read back", () => {
    const accountId = accountIds[2]!;
    ok(dispatch('qbr.save', { accountId, quarter: '2026-Q3', nextPlan: '- [ ] Roll out to the sales team', commentary: '' }));
    const snapshot = { quarter: '2026-Q3', health: 61, tier: 'at_risk', goals: [], risks: ['low_nps', 'champion_left'], commitments: ['Roll out to the sales team'] };
    db.prepare("UPDATE qbr_plans SET snapshot_json = ?, exported_at = ? WHERE account_id = ? AND quarter = '2026-Q3'").run(JSON.stringify(snapshot), AS_OF.toISOString(), accountId);
    const { pack } = ok<Pack>(dispatch('qbr.pack', { accountId, quarter: '2026-Q4' }));
    expect(pack.comparison).toMatchObject({ previousQuarter: '2026-Q3', health: { then: 61, now: pack.health.end }, tier: { then: 'at_risk' }, commitments: ['Roll out to the sales team'] });
    const firing = new Set(pack.risks.map((s) => s.key));
    expect(pack.comparison?.risks).toEqual([{ key: 'low_nps', stillFiring: firing.has('low_nps') }, { key: 'champion_left', stillFiring: firing.has('champion_left') }]);
    db.prepare("UPDATE qbr_plans SET snapshot_json = '{\"quarter\": 5' WHERE account_id = ? AND quarter = '2026-Q3'").run(accountId);
    expect(ok<Pack>(dispatch('qbr.pack', { accountId, quarter: '2026-Q4' })).pack.comparison).toBeNull();
  });
});

describe('exporting a QBR', () => {
  type Exported = IpcResponse<'qbr.export'>;
  it('writes a PDF with real text and an HTML file that fetch nothing, in both languages, and freezes the figures for next quarter', async () => {
    const accountId = accountIds[3]!;
    ok(dispatch('qbr.save', { accountId, quarter: '2026-Q3', nextPlan: '- Roll out dashboards to finance', commentary: 'Steady quarter.' }));
    const name = (db.prepare('SELECT name FROM accounts WHERE id = ?').get(accountId) as { name: string }).name;
    const { pack } = ok<Pack>(dispatch('qbr.pack', { accountId, quarter: '2026-Q3' }));
    const goal = pack.goals.list[0]?.title;
    for (const locale of ['en', 'es'] as const) {
      const pdf = ok<Exported>(dispatch('qbr.export', { accountId, quarter: '2026-Q3', locale, format: 'pdf' }));
      expect(pdf.fileName).toMatch(/^qbr-[a-z0-9-]+-2026-Q3\.pdf$/);
      expect(pdf.mimeType).toBe('application/pdf');
      const text = (await pdfPages(Buffer.from(pdf.base64, 'base64'))).join('\n');
      expect(text).toContain(name);
      expect(text).toContain('2026-Q3');
      expect(text).toContain(`${pack.health.end} · `);
      if (goal) expect(text).toContain(goal);
      expect(text).toContain('Roll out dashboards to finance');
      expect(text).toContain(locale === 'en' ? 'Quarterly business review' : 'Revisión trimestral de negocio');

      const html = Buffer.from(ok<Exported>(dispatch('qbr.export', { accountId, quarter: '2026-Q3', locale, format: 'html' })).base64, 'base64').toString('utf8');
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
      expect(html.replace('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:\/\//);
      expect(html).toContain(name.replace(/&/g, '&amp;'));
    }
    const stored = db.prepare("SELECT snapshot_json, exported_at FROM qbr_plans WHERE account_id = ? AND quarter = '2026-Q3'").get(accountId) as { snapshot_json: string; exported_at: string };
    expect(JSON.parse(stored.snapshot_json)).toMatchObject({ quarter: '2026-Q3', health: pack.health.end, commitments: ['Roll out dashboards to finance'] });
    expect(stored.exported_at).toBe(AS_OF.toISOString());
    expect(ok<Pack>(dispatch('qbr.pack', { accountId, quarter: '2026-Q4' })).pack.comparison).toMatchObject({ previousQuarter: '2026-Q3', commitments: ['Roll out dashboards to finance'] });
  });
});
