import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AdminCommandError, runAdminCommand } from './admin-commands';
import type { Database } from './db/database';
import { MigrationMismatchError, migrateServerDatabase } from './db/migrations';
import { openServerDatabase } from './db/open-database';
import { DEMO_ACCOUNTS, seedDemoOrganisation } from './demo/demo-organisation';
import { loginLine } from './demo/demo-logins';
import { DEFAULT_TOMBSTONE_DAYS } from './sync/tombstones';
import { buildServer } from './http/build-server';

/**
 * `npm run server -- [--port 8787] [--host 127.0.0.1] [--data-dir D] [--tombstone-days N] [--demo [--demo-accounts N]]`
 * serves the sync API (`--demo` first seeds the demo organisation into a database without users and
 * prints its logins);
 * `npm run server -- admin <command> ...` manages users. PostgreSQL when DATABASE_URL is set,
 * embedded PGlite in `<data-dir>/pgdata` otherwise.
 */
const DEFAULT_PORT = 8787;
const DEFAULT_DATA_DIR = '.data/server';
const MAX_DEMO_ACCOUNTS = 20_000;

class UsageError extends Error {}

async function openMigratedDatabase(dataDir: string | undefined): Promise<Database> {
  const db = await openServerDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: resolve(dataDir ?? process.env.CSM_SERVER_DATA_DIR ?? DEFAULT_DATA_DIR) });
  try {
    await migrateServerDatabase(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new AdminCommandError('give --password P, or pipe the password on stdin');
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  return input.split(/\r?\n/)[0] ?? '';
}

async function runAdmin(argv: readonly string[]): Promise<void> {
  // --data-dir (or --data-dir=D) may sit anywhere among the command's own flags.
  const at = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  const inline = at >= 0 && argv[at]?.includes('=');
  const dataDir = at < 0 ? undefined : inline ? argv[at]?.slice('--data-dir='.length) : argv[at + 1];
  const commandArgs = at < 0 ? argv : [...argv.slice(0, at), ...argv.slice(at + (inline ? 1 : 2))];
  const db = await openMigratedDatabase(dataDir);
  try {
    console.log(await runAdminCommand(db, commandArgs, { readPassword: readPasswordFromStdin }));
  } finally {
    await db.close();
  }
}

/** Seeds the demo organisation when the database has no users, then prints its logins (stdout) either way. */
async function seedDemo(db: Database, accounts: number): Promise<void> {
  const started = performance.now();
  const result = await seedDemoOrganisation(db, { accounts });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.seeded && result.summary) {
    const { summary } = result;
    const rows = Object.values(summary).reduce((sum, n) => sum + n, 0);
    console.error(`demo organisation seeded in ${seconds} s: ${summary.users} users, ${summary.accounts} accounts, ${rows} rows (demo passwords below are for the demo only)`);
  } else if (result.logins.length > 0) {
    console.error('demo organisation already seeded: not seeding again');
  } else {
    console.error('--demo: this database already has users and no demo logins; nothing seeded');
  }
  for (const login of result.logins) console.log(loginLine(login));
}

async function serve(argv: readonly string[]): Promise<void> {
  let values: { port?: string; host?: string; 'data-dir'?: string; 'tombstone-days'?: string; demo?: boolean; 'demo-accounts'?: string };
  try {
    const options = {
      port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' }, 'tombstone-days': { type: 'string' },
      demo: { type: 'boolean' }, 'demo-accounts': { type: 'string' },
    } as const;
    values = parseArgs({ args: [...argv], options, strict: true }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be 0-65535, not ${values.port}`);
  const demoAccounts = values['demo-accounts'] === undefined ? DEMO_ACCOUNTS : Number(values['demo-accounts']);
  if (!/^\d+$/.test(values['demo-accounts'] ?? '1') || !Number.isInteger(demoAccounts) || demoAccounts < 1 || demoAccounts > MAX_DEMO_ACCOUNTS) {
    throw new UsageError(`--demo-accounts must be a whole number from 1 to ${MAX_DEMO_ACCOUNTS}, not ${values['demo-accounts']}`);
  }
  if (values['demo-accounts'] !== undefined && !values.demo) throw new UsageError('--demo-accounts goes with --demo');

  const tombstoneDays = values['tombstone-days'] === undefined ? DEFAULT_TOMBSTONE_DAYS : Number(values['tombstone-days']);
  if (!Number.isInteger(tombstoneDays) || tombstoneDays < 1) throw new UsageError(`--tombstone-days must be a whole number of days >= 1, not ${values['tombstone-days']}`);

  const db = await openMigratedDatabase(values['data-dir']);
  if (values.demo) await seedDemo(db, demoAccounts);
  const app = await buildServer({ db, logger: { level: process.env.LOG_LEVEL ?? 'info' }, tombstoneDays });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1); // a second signal: stop now
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    try {
      await app.close();
      await db.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port, host: values.host ?? '127.0.0.1' });
  app.log.info({ database: db.kind }, 'sync server ready');
}

async function main(argv: readonly string[]): Promise<void> {
  try {
    if (argv[0] === 'admin') await runAdmin(argv.slice(1));
    else await serve(argv);
  } catch (error) {
    const known = error instanceof AdminCommandError || error instanceof MigrationMismatchError || error instanceof UsageError;
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`error: ${known || code ? (error as Error).message : String((error as Error).stack ?? error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}

void main(process.argv.slice(2));
