// `npm run bench`: the store and engine figures of DESIGN §5 on the 5,000-account reference book,
// each beside its budget and a raw better-sqlite3 / plain-loop baseline from the same run.
// It prints; it never fails on timing.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { openStore } from '../../src-main/db/open-store';
import { SyncStateRepository } from '../../src-main/db/repositories/sync-state-repository';
import { generateDemoBook } from '../../src-main/demo/demo-book';
import { createIpcDispatcher } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import { benchAdversarial, printAdversarialDetail } from './adversarial-bench';
import { benchEngine } from './engine-bench';
import { noteRenderFigures } from './note-render-bench';
import { benchSync } from './sync-bench';
import { benchWebShell } from './web-shell-bench';
import { ms, printFigures, timeRuns, verdict, type FigureRow } from './bench-stats';
import { benchUi } from './ui-bench';
import { benchQbr } from './qbr-bench';
import { benchDashboards } from './dashboard-bench';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 5000);
const SEED = 5000;
const AS_OF = new Date('2026-11-23T00:00:00.000Z');
// The folder name carries the store format so a book from an older layout is regenerated.
const benchDir = join(process.cwd(), 'tests', '.tmp', `bench-book-v5-${ACCOUNTS}-${SEED}`);

function ensureReferenceBook(): void {
  if (existsSync(join(benchDir, 'complete'))) return;
  rmSync(benchDir, { recursive: true, force: true });
  mkdirSync(benchDir, { recursive: true });
  const db = openStore({ dataDir: benchDir });
  const start = performance.now();
  const summary = generateDemoBook(db, {
    accounts: ACCOUNTS,
    seed: SEED,
    asOf: AS_OF,
    onProgress: (done, total) => process.stderr.write(`\rGenerating the reference book: ${done}/${total} accounts`),
  });
  process.stderr.write(`\nReference book ready in ${((performance.now() - start) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}\n`);
  db.close();
  // Marks a finished book so an interrupted generation is redone, not benchmarked.
  mkdirSync(join(benchDir, 'complete'));
}

// `npm run bench -- --sync-only`: just the sync figures (they need no reference book).
if (process.argv.includes('--sync-only')) {
  printFigures(await benchSync());
  process.exit(0);
}

ensureReferenceBook();

// `npm run bench -- --ui-only`: just the web shell and UI figures in Chromium on the reference book.
if (process.argv.includes('--ui-only')) {
  printFigures([await benchWebShell(benchDir, ACCOUNTS), ...(await benchUi(benchDir, ACCOUNTS))]);
  process.exit(0);
}
// Start-up: opening the book as the app does (bounded integrity check, migrations, write probe).
const opens: number[] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  openStore({ dataDir: benchDir, create: false }).close();
  opens.push(performance.now() - started);
}
const db = openStore({ dataDir: benchDir });
// `npm run bench -- --qbr-only`: just the QBR figures on the reference book.
if (process.argv.includes('--qbr-only')) {
  printFigures(benchQbr(db, createIpcDispatcher(createServiceContext(db, { now: () => AS_OF }))));
  db.close();
  process.exit(0);
}
// `npm run bench -- --dashboards-only`: just the dashboard figures on the reference book.
if (process.argv.includes('--dashboards-only')) {
  printFigures(benchDashboards(db, createServiceContext(db, { now: () => AS_OF })));
  db.close();
  process.exit(0);
}
// The reference book is a demo book: the app opens it without backing it up (1.2 GB per copy).
new SyncStateRepository(db).markDemoBook();
const counts = Object.fromEntries(
  ['accounts', 'metrics', 'touchpoints', 'notes'].map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]),
);
console.log(`Reference book: ${JSON.stringify(counts)} (seed ${SEED}, as of ${AS_OF.toISOString().slice(0, 10)})\n`);

const ctx = createServiceContext(db, { now: () => AS_OF });
const dispatch = createIpcDispatcher(ctx);
const rows: FigureRow[] = [];

// Portfolio: the full IPC path (query + engine for every account) vs a raw SELECT of the accounts.
const portfolio = timeRuns(() => {
  const result = dispatch('portfolio.list', {});
  if (!result.ok) throw new Error(result.error.message);
}, 30);
const rawPortfolio = timeRuns(() => db.prepare('SELECT * FROM accounts').all(), 30);
rows.push({ figure: 'portfolio query (5,000 accounts, scored), median', measured: ms(portfolio.median), budget: '< 50 ms', baseline: `${ms(rawPortfolio.median)} raw SELECT * accounts`, verdict: verdict(portfolio.median, 50) });

const rawOpen = timeRuns(() => new BetterSqlite3(join(benchDir, 'portfolio.sqlite')).close(), 3);
const open = [...opens].sort((a, b) => a - b)[1]!;
rows.push({ figure: 'store open at start-up (bounded quick_check, migrations, write probe), median of 3', measured: ms(open), budget: '< 1.5 s (load budget)', baseline: `${ms(rawOpen.median)} raw open and close`, verdict: verdict(open, 1500) });

// Engine figures.
rows.push(...benchEngine(db, AS_OF));

// Full-text search p95 through the service vs raw FTS5 MATCH.
const words = ['renovación', 'adoption', 'champion', 'llamada', 'SSO', 'integración', 'pricing', 'QBR', 'onboarding', 'soporte', 'escalation', 'reunión'];
const search = timeRuns((i) => {
  const result = dispatch('notes.search', { query: words[Math.abs(i) % words.length]!, limit: 50 });
  if (!result.ok) throw new Error(result.error.message);
}, 200);
const rawSearchStmt = db.prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid DESC LIMIT 50');
const rawSearch = timeRuns((i) => rawSearchStmt.all(`"${words[Math.abs(i) % words.length]!}"*`), 200);
rows.push({ figure: 'full-text note search, p95', measured: ms(search.p95), budget: '< 20 ms', baseline: `${ms(rawSearch.p95)} raw FTS5 MATCH`, verdict: verdict(search.p95, 20) });

// Every store operation with adversarial inputs (DESIGN §5: none over 100 ms), beside raw statements.
const adversarial = benchAdversarial(db, dispatch, benchDir, AS_OF);
rows.push(...adversarial.rows);

rows.push(...benchQbr(db, dispatch));
rows.push(...benchDashboards(db, ctx));

// Durable note write p95 (FULL sync, FTS, outbox) vs a raw synchronous=FULL insert in WAL.
const accountId = (db.prepare('SELECT id FROM accounts LIMIT 1').get() as { id: string }).id;
const write = timeRuns((i) => {
  const result = dispatch('notes.add', { id: uuidv7(), accountId, body: `Bench note ${i}: llamada de seguimiento sobre la renovación` });
  if (!result.ok) throw new Error(result.error.message);
}, 300);
const rawDb = new BetterSqlite3(join(benchDir, 'raw-baseline.sqlite'));
rawDb.pragma('journal_mode = WAL');
rawDb.pragma('synchronous = FULL');
rawDb.exec('CREATE TABLE IF NOT EXISTS raw_notes (id INTEGER PRIMARY KEY, body TEXT)');
const rawInsert = rawDb.prepare('INSERT INTO raw_notes (body) VALUES (?)');
const rawWrite = timeRuns((i) => rawInsert.run(`Bench note ${i}`), 300);
rows.push({ figure: 'durable note write, p95', measured: ms(write.p95), budget: '< 10 ms', baseline: `${ms(rawWrite.p95)} raw FULL-sync insert`, verdict: verdict(write.p95, 10) });
rawDb.close();
// Keep the reference book unchanged between runs.
db.prepare("DELETE FROM notes WHERE body LIKE 'Bench note %'").run();
db.prepare("DELETE FROM outbox WHERE entity = 'notes'").run();

db.close();
rows.push(await benchWebShell(benchDir, ACCOUNTS));
rows.push(...(await benchUi(benchDir, ACCOUNTS)));
for (const figure of await noteRenderFigures()) {
  rows.push({
    figure: figure.label,
    measured: ms(figure.measuredMs),
    budget: `< ${figure.budget} ms`,
    baseline: `${ms(figure.baselineMs)} ${figure.baselineLabel}`,
    verdict: verdict(figure.measuredMs, figure.budget),
  });
}
rows.push(...(await benchSync()));
printFigures(rows);
printAdversarialDetail(adversarial.measured);
