import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/db/open-store';
import { makeTempDir, seedFixtureBook } from '../helpers/temp-store';

const temp = makeTempDir('csm-crash-');
afterAll(() => temp.remove());

/** Runs the writer until it has reported some notes, then SIGKILLs it after `killAfterMs`. */
function writeUntilKilled(accountId: string, round: number, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/fixtures/note-writer.ts', temp.dir, accountId, String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const saved: string[] = [];
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('saved ')) saved.push(line.slice(6));
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${signal}): ${stderr}`));
      else resolve(saved);
    });
  });
}

describe('crash durability: a note reported saved survives SIGKILL', () => {
  it('keeps every acknowledged note across random kills and passes integrity_check', async () => {
    const db = openStore({ dataDir: temp.dir });
    const { acmeId } = seedFixtureBook(db);
    db.close();

    const acknowledged: string[] = [];
    for (let round = 0; round < 5; round++) {
      // Kill at a different moment each round: from a few writes in to a few hundred.
      const killAfterMs = 20 + Math.floor(Math.random() * 400);
      acknowledged.push(...(await writeUntilKilled(acmeId, round, killAfterMs)));
    }
    expect(acknowledged.length).toBeGreaterThan(5);

    const reopened = openStore({ dataDir: temp.dir });
    try {
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((reopened.prepare('SELECT id FROM notes').all() as Array<{ id: string }>).map((r) => r.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      // The full-text index stayed in step with the table through the kills.
      expect(() => reopened.prepare("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')").run()).not.toThrow();
      const outboxRows = reopened.prepare("SELECT COUNT(*) AS n FROM outbox WHERE entity = 'notes'").get() as { n: number };
      expect(outboxRows.n).toBe(stored.size);
    } finally {
      reopened.close();
    }
  }, 120_000);
});
