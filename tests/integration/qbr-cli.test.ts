import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../../src-main/app/open-app';
import { openStore } from '../../src-main/db/open-store';
import { generateDemoBook } from '../../src-main/demo/demo-book';
import { parseQbrArgs, runQbrCli, writeQbrPacks } from '../../src-main/qbr/qbr-cli';
import { pdfPages } from '../helpers/pdf-text';

const AS_OF = new Date('2026-11-24T10:00:00.000Z');
const root = mkdtempSync(join(tmpdir(), 'qbr-cli-'));
const dataDir = join(root, 'book');
let app: OpenApp;

beforeAll(() => {
  const db = openStore({ dataDir });
  generateDemoBook(db, { accounts: 16, seed: 3, asOf: AS_OF });
  db.close();
  app = openApp({ dataDir, create: false, now: () => AS_OF });
});
afterAll(() => {
  app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('npm run qbr', () => {
  it('writes the pack of every QBR still due in the quarter, in one go, with progress', async () => {
    const out = join(root, 'out');
    const progress: string[] = [];
    const written = writeQbrPacks(app, parseQbrArgs(['--data-dir', dataDir, '--quarter', '2026-Q4', '--out', out, '--format', 'both', '--locale', 'es']), (line) => progress.push(line));
    const due = app.db.prepare(
      `SELECT name FROM accounts a WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM touchpoints t WHERE t.account_id = a.id AND t.kind = 'qbr'
       AND t.status = 'done' AND t.completed_at >= '2026-10-01' AND t.completed_at < '2027-01-01') ORDER BY name COLLATE NOCASE`,
    ).all() as { name: string }[];
    expect(due.length).toBeGreaterThan(0);
    expect(written).toHaveLength(due.length * 2);
    expect(readdirSync(out).sort()).toEqual(written.map((p) => p.slice(out.length + 1)).sort());
    expect(progress.at(-1)).toBe(`${due.length}/${due.length} ${due.at(-1)!.name}`);
    const firstPdf = written.find((p) => p.endsWith('.pdf'))!;
    const text = (await pdfPages(readFileSync(firstPdf))).join('\n');
    expect(text).toContain(due[0]!.name);
    expect(text).toContain('Revisión trimestral de negocio');
    // Exported packs are frozen with their QBR: the count of snapshots matches.
    expect((app.db.prepare("SELECT COUNT(*) AS n FROM qbr_plans WHERE quarter = '2026-Q4' AND snapshot_json IS NOT NULL").get() as { n: number }).n).toBe(due.length);
  });

  it('names what is wrong with its arguments or its folder, and writes nothing', () => {
    expect(() => parseQbrArgs(['--data-dir', dataDir, '--quarter', 'Q4-2026', '--out', 'x'])).toThrow('--quarter "Q4-2026" is not a quarter like 2026-Q4');
    expect(() => parseQbrArgs(['--quarter', '2026-Q4'])).toThrow('--data-dir, --out are needed');
    expect(() => parseQbrArgs(['--data-dir', 'd', '--quarter', '2026-Q4', '--out', 'x', '--format', 'docx'])).toThrow('--format "docx" is not pdf, html or both');
    const out = join(root, 'never');
    expect(runQbrCli(['--data-dir', join(root, 'empty'), '--quarter', '2026-Q4', '--out', out])).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
