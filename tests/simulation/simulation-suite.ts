import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS, useTestDatabase, type DatabaseKind } from '../server/server-test-databases';
import { simRoot } from './sim-world';
import { simulateSeed } from './simulate-seed';

/** Seeds per database kind in CI (issue 7 D.16: at least 200); `npm run simulate -- --seeds N` runs more. */
const SEEDS = Number(process.env.SIM_SEEDS ?? 200);

/** The simulation's seeds on one kind of server database; one test file per kind, so CI runs them in parallel. */
export function simulationSuite(kind: DatabaseKind): void {
  describe.skipIf(!TEST_DATABASE_KINDS.includes(kind))(`deterministic sync simulation (${kind})`, () => {
  const database = useTestDatabase(kind, { migrated: true });
  const root = simRoot();

  it(`${SEEDS} seeds of faults end with every device equal to the server's view of its scope`, async () => {
    const failed: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      const result = await simulateSeed(database.db, seed, root);
      if (result.failures.length) failed.push(`seed ${seed} (replay: npm run simulate -- --seed ${seed}${kind === 'postgres' ? ' with DATABASE_URL set' : ''}):\n  ${result.failures.join('\n  ')}`);
    }
    expect(failed, failed.join('\n')).toEqual([]);
  }, 1_200_000);
  });
}
