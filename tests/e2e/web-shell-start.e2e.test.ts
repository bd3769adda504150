import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './web-shell-process';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

describe('starting the web shell', () => {
  it('stops on a port already in use before any store is opened or seeded', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => blocker.close());
    const port = (blocker.address() as { port: number }).port;
    const dataDir = mkdtempSync(join(tmpdir(), 'csm-port-taken-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'start-web.mjs'), '--port', String(port), '--data-dir', dataDir, '--demo'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}`));
    expect(run.stdout).toBe('');
    // Nothing was written: no store, no demo book, no backups.
    expect(readdirSync(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, 'demo'))).toBe(false);
  }, 150_000);
});
