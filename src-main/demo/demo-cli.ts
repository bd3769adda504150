/**
 * `npm run demo -- --accounts N --seed S --data-dir D [--as-of YYYY-MM-DD] [--force]`
 * Writes a reproducible demo book into the local store at D.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { STORE_FILE_NAME, openStore } from '../db/open-store';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { BookWriterRepository } from '../db/repositories/book-writer-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { demoDirOf } from '../workspace/demo-store';
import { generateDemoBook } from './demo-book';
import { defaultDataDir } from '../app/data-dir';

const MAX_ACCOUNTS = 20_000;
const USAGE =
  'Usage: npm run demo -- [--accounts N] [--seed S] [--data-dir DIR] [--as-of YYYY-MM-DD] [--force]';

class UsageError extends Error {}

export interface DemoCliOptions {
  accounts: number;
  seed: number;
  dataDir: string;
  asOf: Date;
  force: boolean;
}

function wholeNumber(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function parseAsOf(raw: string | undefined): Date {
  if (raw === undefined) return todayUtc();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = match ? new Date(`${raw}T00:00:00.000Z`) : null;
  // Round-tripping rejects impossible days such as 2025-02-30, which Date would roll over.
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    throw new UsageError(`--as-of must be a calendar date as YYYY-MM-DD, got "${raw}"`);
  }
  return date;
}

export function parseDemoArgs(argv: readonly string[], env: NodeJS.ProcessEnv): DemoCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        accounts: { type: 'string' },
        seed: { type: 'string' },
        'data-dir': { type: 'string' },
        'as-of': { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) throw new UsageError('');
  // The app's demo folder by default, so `npm run demo` writes the demo book the app then offers;
  // never the user's own store.
  const dataDir = values['data-dir'] ?? demoDirOf(defaultDataDir(env));
  if (dataDir.trim() === '') throw new UsageError('--data-dir must not be empty');
  return {
    accounts: wholeNumber('accounts', values.accounts, 150, 1, MAX_ACCOUNTS),
    seed: wholeNumber('seed', values.seed, 1, 0, 2 ** 32 - 1),
    dataDir: resolve(dataDir),
    asOf: parseAsOf(values['as-of']),
    force: values.force ?? false,
  };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function runDemoCli(argv: readonly string[]): number {
  let options: DemoCliOptions;
  try {
    options = parseDemoArgs(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) process.stderr.write(`demo: ${error.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    return error.message ? 2 : 0;
  }

  const db = openStore({ dataDir: options.dataDir });
  try {
    const existing = new AccountsRepository(db).count();
    if (existing > 0 && !options.force) {
      process.stderr.write(
        `demo: the store in ${options.dataDir} already holds ${existing} accounts; refusing to mix a demo book ` +
          'into it. Pick an empty --data-dir, or pass --force to add the demo book on top of what is there.\n',
      );
      return 2;
    }
    if (existing > 0) {
      process.stderr.write(
        `demo: --force: adding a demo book to a store that already holds ${existing} accounts; ` +
          'existing rows are kept, so counts and reports will include both.\n',
      );
    }
    const started = performance.now();
    const isTty = process.stderr.isTTY;
    let summary: ReturnType<typeof generateDemoBook>;
    try {
      summary = generateDemoBook(db, {
        accounts: options.accounts,
        seed: options.seed,
        asOf: options.asOf,
        onProgress: (done, total) => {
          const line = `Generating demo book: ${done}/${total} accounts`;
          process.stderr.write(isTty ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
        },
      });
    } catch (error) {
      // The team is written in the first transaction, so a repeated seed fails before anything lands.
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        process.stderr.write(
          `demo: this store already holds the demo book of seed ${options.seed}; nothing was added. ` +
            'Use another --seed, or an empty --data-dir.\n',
        );
        return 2;
      }
      throw error;
    }
    // Marked demo: the app shows it as "Demo book" and never syncs or backs it up, wherever it lies.
    // A store that held accounts before (--force) stays the user's own book.
    if (existing === 0) new SyncStateRepository(db).markDemoBook();
    new BookWriterRepository(db).checkpointWal();
    const seconds = (performance.now() - started) / 1000;
    const file = join(options.dataDir, STORE_FILE_NAME);
    const { localUserId, ...counts } = summary;
    process.stdout.write(
      `Demo book written to ${file}\n` +
        `  seed ${options.seed}, as of ${options.asOf.toISOString().slice(0, 10)}, ${seconds.toFixed(1)} s, ` +
        `${(fileSize(file) / 1024 / 1024).toFixed(1)} MiB\n` +
        `  local user (first CSM): ${localUserId}\n` +
        Object.entries(counts)
          .map(([table, n]) => `  ${table.padEnd(18)} ${n.toLocaleString('en-US')}\n`)
          .join(''),
    );
    return 0;
  } finally {
    db.close();
  }
}

// Only when run as a script, so tests can import the parser without generating a book.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runDemoCli(process.argv.slice(2));
}
