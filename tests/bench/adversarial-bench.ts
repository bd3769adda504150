import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { encodeNoteCursor } from '../../src-main/services/note-page-cursor';
import { createServiceContext } from '../../src-main/services/service-context';
import { toFtsQuery } from '../../src-shared/search/fts-query';
import { ms, timeRuns, type FigureRow } from './bench-stats';

// DESIGN §5: no single store operation over 100 ms for any input. Each case below is an input a user
// (or a confused client) can send; each is timed through the IPC dispatcher beside a raw SQLite
// statement doing the bare minimum of the same work, in the same run.

const BUDGET_MS = 100;
const RUNS = 5;

/** Search texts chosen to be expensive: short and common prefixes, repeats, stop words, junk, size. */
export const ADVERSARIAL_SEARCHES: readonly string[] = [
  'a '.repeat(100),
  'a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9',
  'pr re co in se de ch ca',
  'pro con rev che pas the nex ste',
  'revi chec paso prox next step week with',
  'check pasos proxi steps revie metri',
  'check next steps with the',
  'de la el en con por para the and with',
  'r re ren reno renov renova renovac renovaci renovacio renovacion',
  'renovacion'.repeat(20),
  '会議'.repeat(100),
  '"*()-:^+{}[]<>!?¿¡.,;@#$%&/\\|~`=',
  'NEAR(de la, 2) OR "con" AND NOT pro* ^check body:next',
  '👍🏽 llamada 🎉 reunión 👨‍👩‍👧 😀😀😀😀😀',
  'reunio\u0301n campeo\u0301n renovacio\u0301n',
  'ｒｅｕｎｉｏｎ　ｃｈｅｃｋ',
  'revisión métricas semana próximos pasos',
  '2026 11 23 00 99',
];

interface Case {
  operation: string;
  input: string;
  run: () => void;
  raw: { label: string; run: () => void };
}

interface Measured {
  operation: string;
  input: string;
  median: number;
  max: number;
  rawMedian: number;
  rawLabel: string;
}

function describeInput(text: string): string {
  const shown = JSON.stringify(text);
  return shown.length > 48 ? `${shown.slice(0, 45)}…" (${text.length} chars)` : shown;
}

function mustSucceed(dispatch: IpcDispatch, operation: string, payload: unknown): unknown {
  const result = dispatch(operation, payload);
  if (!result.ok) throw new Error(`${operation} failed in the bench: ${result.error.message}`);
  return result.data;
}

/** The account with the most metrics, touchpoints and notes, and the one with the fewest notes. */
function pickAccounts(db: Database): { busiest: string; quietest: string } {
  const busiest = db
    .prepare(
      `SELECT a.id FROM accounts a ORDER BY
         (SELECT COUNT(*) FROM metrics m WHERE m.account_id = a.id) + (SELECT COUNT(*) FROM touchpoints t WHERE t.account_id = a.id)
         + (SELECT COUNT(*) FROM notes n WHERE n.account_id = a.id) DESC LIMIT 1`,
    )
    .pluck()
    .get() as string;
  const quietest = db.prepare('SELECT account_id FROM notes GROUP BY account_id ORDER BY COUNT(*) LIMIT 1').pluck().get() as string;
  return { busiest, quietest };
}

function measure(cases: readonly Case[]): Measured[] {
  return cases.map((c) => {
    const timing = timeRuns(() => c.run(), RUNS, 1);
    const raw = timeRuns(() => c.raw.run(), RUNS, 1);
    return { operation: c.operation, input: c.input, median: timing.median, max: timing.p95, rawMedian: raw.median, rawLabel: c.raw.label };
  });
}

/** Searches and filtered lists over the heavy account, deep cursors, big bodies. */
function noteReadCases(db: Database, dispatch: IpcDispatch, heavy: string, quiet: string): Case[] {
  const rawMatch = db.prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid DESC LIMIT ?');
  const rawCount = db.prepare('SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH ?').pluck();
  const rawPage = db.prepare('SELECT * FROM notes WHERE account_id = ? ORDER BY created_at DESC LIMIT ?');
  const matchOf = (text: string): string => toFtsQuery(text) ?? '"zzzzzz"';
  const cases: Case[] = [];
  for (const text of ADVERSARIAL_SEARCHES) {
    for (const limit of [50, 200]) {
      cases.push({
        operation: `notes.search limit ${limit}`,
        input: describeInput(text),
        run: () => mustSucceed(dispatch, 'notes.search', { query: text, limit }),
        raw: { label: 'raw FTS5 MATCH, same query', run: () => rawMatch.all(matchOf(text), limit) },
      });
    }
    for (const [who, accountId] of [['heavy', heavy], ['quiet', quiet]] as const) {
      cases.push({
        operation: `notes.list+query (${who} account) limit 200`,
        input: describeInput(text),
        run: () => mustSucceed(dispatch, 'notes.list', { accountId, query: text, limit: 200 }),
        raw: { label: 'raw COUNT of the FTS5 matches', run: () => rawCount.get(matchOf(text)) },
      });
    }
  }
  // Deep cursors: the oldest page of the heavy account, and a cursor older than every note.
  let before: string | null = null;
  let deepest: string | null = null;
  do {
    const page = mustSucceed(dispatch, 'notes.list', { accountId: heavy, limit: 200, ...(before ? { before } : {}) }) as { nextBefore: string | null };
    if (page.nextBefore) deepest = page.nextBefore;
    before = page.nextBefore;
  } while (before);
  const beyond = encodeNoteCursor({ createdAt: '1970-01-01T00:00:00.000Z', id: '0' });
  for (const [input, cursor] of [['first page', undefined], ['deepest cursor', deepest], ['cursor older than every note', beyond]] as const) {
    cases.push({
      operation: 'notes.list (heavy account) limit 200',
      input,
      run: () => mustSucceed(dispatch, 'notes.list', { accountId: heavy, limit: 200, ...(cursor ? { before: cursor } : {}) }),
      raw: { label: 'raw SELECT of 200 notes', run: () => rawPage.all(heavy, 200) },
    });
  }
  return cases;
}

/** Touchpoint lists at the contract's widest, the busiest account's panel and the portfolio. */
function otherReadCases(db: Database, dispatch: IpcDispatch, busiest: string): Case[] {
  const rawTouchpoints = db.prepare('SELECT * FROM touchpoints LIMIT 1000');
  const rawMetrics = db.prepare('SELECT * FROM metrics WHERE account_id = ?');
  const rawAccounts = db.prepare('SELECT * FROM accounts');
  const touchpointInputs: Array<[string, object]> = [
    ['no account, no filter', { limit: 1000 }],
    ['no account, 1900-01-01 to 2999-12-31', { from: '1900-01-01', to: '2999-12-31', limit: 1000 }],
    ['no account, status done', { status: 'done', limit: 1000 }],
    ['no account, status planned, widest range', { status: 'planned', from: '1900-01-01', to: '2999-12-31', limit: 1000 }],
    ['no account, from a date after every touchpoint', { from: '2999-01-01', limit: 1000 }],
    ['busiest account, no filter', { accountId: busiest, limit: 1000 }],
  ];
  return [
    ...touchpointInputs.map(([input, payload]): Case => ({
      operation: 'touchpoints.list limit 1000',
      input,
      run: () => mustSucceed(dispatch, 'touchpoints.list', payload),
      raw: { label: 'raw SELECT of 1,000 touchpoints', run: () => rawTouchpoints.all() },
    })),
    {
      operation: 'account.detail',
      input: 'the account with the most data',
      run: () => mustSucceed(dispatch, 'account.detail', { accountId: busiest }),
      raw: { label: "raw SELECT of its metric history", run: () => rawMetrics.all(busiest) },
    },
    {
      operation: 'portfolio.list',
      input: 'scores cached for today',
      run: () => mustSucceed(dispatch, 'portfolio.list', {}),
      raw: { label: 'raw SELECT * accounts', run: () => rawAccounts.all() },
    },
  ];
}

/** Durable writes at their largest: the maximum body, a repeated add, an update, a delete. */
function noteWriteCases(dispatch: IpcDispatch, accountId: string, created: string[], rawDb: Database): Case[] {
  rawDb.pragma('journal_mode = WAL');
  rawDb.pragma('synchronous = FULL');
  rawDb.exec('CREATE TABLE IF NOT EXISTS raw_notes (id INTEGER PRIMARY KEY, body TEXT); DELETE FROM raw_notes');
  const rawInsert = rawDb.prepare('INSERT INTO raw_notes (body) VALUES (?)');
  const biggest = 'Llamada de seguimiento sobre la renovación y los próximos pasos. '.repeat(1600).slice(0, 100_000);
  const raw = { label: 'raw FULL-sync insert of 100,000 chars', run: () => rawInsert.run(biggest) };
  const repeatedId = uuidv7();
  created.push(repeatedId);
  mustSucceed(dispatch, 'notes.add', { id: repeatedId, accountId, body: biggest });
  const fresh = (): string => {
    const id = uuidv7();
    created.push(id);
    return id;
  };
  let edit = 0;
  // Delete measures the tombstone alone: its notes are written before the clock starts.
  const toDelete = Array.from({ length: RUNS + 1 }, () => {
    const id = fresh();
    mustSucceed(dispatch, 'notes.add', { id, accountId, body: biggest });
    return id;
  });
  return [
    { operation: 'notes.add', input: 'a 100,000-character body', run: () => mustSucceed(dispatch, 'notes.add', { id: fresh(), accountId, body: biggest }), raw },
    { operation: 'notes.add', input: 'the same id again (a retry)', run: () => mustSucceed(dispatch, 'notes.add', { id: repeatedId, accountId, body: biggest }), raw },
    { operation: 'notes.update', input: 'a 100,000-character body', run: () => mustSucceed(dispatch, 'notes.update', { id: repeatedId, body: `${edit++} ${biggest}`.slice(0, 100_000) }), raw },
    { operation: 'notes.delete', input: 'a 100,000-character note', run: () => mustSucceed(dispatch, 'notes.delete', { id: toDelete.pop()! }), raw },
  ];
}

/** portfolio.list on the first call of a new day, which rescores every account (DESIGN §4 cache). */
function newDayCase(db: Database, asOf: Date): Case {
  let day = 0;
  const clock = { now: asOf };
  const nextDay = createIpcDispatcher(createServiceContext(db, { now: () => clock.now }));
  const rawInputs = db.prepare('SELECT current_json FROM account_inputs');
  return {
    operation: 'portfolio.list',
    input: 'first call of a new day (rescores every account)',
    run: () => {
      clock.now = new Date(asOf.getTime() + ++day * 86_400_000);
      mustSucceed(nextDay, 'portfolio.list', {});
    },
    raw: { label: "raw read of every account's cached inputs", run: () => rawInputs.all() },
  };
}

export interface AdversarialResult {
  rows: FigureRow[];
  /** Every case, slowest first, for the detail table. */
  measured: Measured[];
}

/**
 * Times every store operation with adversarial inputs on the reference book. For the reads, one
 * account is made heavy for the duration (every 46th note of the book, about 5,000 notes spread over
 * its three years, plus 50 notes of the maximum size), inside a transaction that is rolled back.
 */
export function benchAdversarial(db: Database, dispatch: IpcDispatch, benchDir: string, asOf: Date): AdversarialResult {
  const { busiest, quietest } = pickAccounts(db);
  const measured: Measured[] = [];
  db.exec('BEGIN');
  try {
    db.prepare('UPDATE notes SET account_id = ? WHERE seq % 46 = 0').run(busiest);
    const big = 'Revisión de métricas con el campeón: próximos pasos, renovación, check next steps. '.repeat(1300).slice(0, 100_000);
    for (let i = 0; i < 50; i++) mustSucceed(dispatch, 'notes.add', { id: uuidv7(), accountId: busiest, body: `${i} ${big}`.slice(0, 100_000) });
    measured.push(...measure([...noteReadCases(db, dispatch, busiest, quietest), ...otherReadCases(db, dispatch, busiest)]));
  } finally {
    db.exec('ROLLBACK');
  }
  const created: string[] = [];
  const rawDb = new BetterSqlite3(join(benchDir, 'raw-adversarial.sqlite'));
  try {
    measured.push(...measure([...noteWriteCases(dispatch, busiest, created, rawDb), newDayCase(db, asOf)]));
  } finally {
    rawDb.close();
    mustSucceed(dispatch, 'portfolio.list', {}); // scores back to the bench's own day
    // Keep the reference book unchanged between runs.
    const forget = db.prepare('DELETE FROM notes WHERE id = ?');
    const forgetOutbox = db.prepare("DELETE FROM outbox WHERE entity = 'notes' AND row_id = ?");
    db.transaction(() => created.forEach((id) => (forget.run(id), forgetOutbox.run(id))))();
  }
  measured.sort((a, b) => b.median - a.median);
  const searches = measured.filter((m) => m.operation.startsWith('notes.search'));
  const worstSearch = searches[0]!;
  const slowest = measured[0]!;
  const verdict = (value: number): FigureRow['verdict'] => (value < BUDGET_MS ? 'within' : 'OVER');
  return {
    measured,
    rows: [
      {
        figure: `note search, worst of the adversarial set (${searches.length} cases, median of ${RUNS}): ${worstSearch.operation} ${worstSearch.input}`,
        measured: ms(worstSearch.median),
        budget: '< 100 ms',
        baseline: `${ms(worstSearch.rawMedian)} ${worstSearch.rawLabel}`,
        verdict: verdict(worstSearch.median),
      },
      {
        figure: `slowest single operation, adversarial inputs included (${measured.length} cases): ${slowest.operation} ${slowest.input}`,
        measured: ms(slowest.median),
        budget: '< 100 ms',
        baseline: `${ms(slowest.rawMedian)} ${slowest.rawLabel}`,
        verdict: verdict(slowest.median),
      },
    ],
  };
}

/** Prints the slowest cases with their worst run, so a regression names its input. */
export function printAdversarialDetail(measured: readonly Measured[], shown = 12): void {
  console.log(`\nSlowest ${shown} of ${measured.length} adversarial cases (median / worst of ${RUNS} runs, raw baseline median):`);
  for (const m of measured.slice(0, shown)) {
    console.log(`  ${ms(m.median).padStart(10)} / ${ms(m.max).padStart(10)}  ${m.operation}  ${m.input}   [${ms(m.rawMedian)} ${m.rawLabel}]`);
  }
}
