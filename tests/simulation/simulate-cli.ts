// `npm run simulate -- --seeds N [--from S] [--steps K]` runs seeds S..S+N-1 and prints each failing
// seed; `npm run simulate -- --seed N` replays one seed with its step-by-step trace.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openServerDatabase } from '../../src-server/db/open-database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { simRoot } from './sim-world';
import { simulateSeed } from './simulate-seed';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seeds: { type: 'string' }, seed: { type: 'string' }, from: { type: 'string' }, steps: { type: 'string' } }, strict: true });
  const root = simRoot();
  // PostgreSQL when DATABASE_URL is set (an empty database of its own), else embedded PGlite.
  const db = await openServerDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: join(root, 'server') });
  await migrateServerDatabase(db);
  const steps = values.steps ? Number(values.steps) : undefined;
  try {
    if (values.seed !== undefined) {
      const result = await simulateSeed(db, Number(values.seed), root, { trace: true, ...(steps ? { steps } : {}) });
      console.log(result.trace.join('\n'));
      console.log(result.failures.length ? `seed ${result.seed} FAILED:\n${result.failures.join('\n')}` : `seed ${result.seed} passed`);
      process.exitCode = result.failures.length ? 1 : 0;
      return;
    }
    const count = Number(values.seeds ?? 200);
    const from = Number(values.from ?? 1);
    let failed = 0;
    const started = Date.now();
    for (let seed = from; seed < from + count; seed += 1) {
      const result = await simulateSeed(db, seed, root, steps ? { steps } : {});
      if (result.failures.length) {
        failed += 1;
        console.log(`seed ${seed} FAILED (replay: npm run simulate -- --seed ${seed}):\n  ${result.failures.join('\n  ')}`);
      }
      if ((seed - from + 1) % 50 === 0) process.stderr.write(`${seed - from + 1}/${count} seeds, ${failed} failed, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    }
    console.log(`${count} seeds from ${from}: ${failed} failed (${db.kind}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    process.exitCode = failed ? 1 : 0;
  } finally {
    await db.close();
  }
}

void main();
