import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../src-main/session/secret-store';
import { serverKeyOf } from '../../src-main/session/session-paths';
import { tokenFileOf } from '../../src-main/session/secret-store';
import { startStoreWorker } from '../../src-main/workspace/store-worker-host';
import { startTeamServer, type TeamServer } from '../helpers/team-server';
import { makeTempDir, STORE_WORKER_FROM_SOURCE } from '../helpers/temp-store';

let server: TeamServer;
beforeAll(async () => {
  server = await startTeamServer();
}, 60_000);
afterAll(() => server?.close());

/** The host's keychain double: what Electron's safeStorage store would be asked. */
function recordingSecrets() {
  const kept = new Map<string, string>();
  const calls: string[] = [];
  const store: SecretStore = {
    read: async (dir) => (calls.push(`read ${dir}`), kept.get(dir) ?? null),
    write: async (dir, secret) => void (calls.push(`write ${dir}`), kept.set(dir, secret)),
    remove: async (dir) => void (calls.push(`remove ${dir}`), kept.delete(dir)),
  };
  return { kept, calls, store };
}

describe('the store worker keeps sign-in tokens through its host', () => {
  it('hands the token to the host on sign-in, asks for it after a restart, and has it removed on sign-out', async () => {
    const user = await server.addUser({ email: 'bo@example.com', name: 'Bo', password: 'pass phrase 1' });
    const temp = makeTempDir('csm-session-worker-');
    const secrets = recordingSecrets();
    const dir = join(temp.dir, 'servers', serverKeyOf(server.url), user.id);
    try {
      const worker = startStoreWorker({ workerFile: STORE_WORKER_FROM_SOURCE, dataDir: temp.dir, secrets: secrets.store });
      await worker.ready;
      const signedIn = await worker.invoke('sync.signIn', { serverUrl: server.url, email: user.email, password: 'pass phrase 1' });
      expect(signedIn).toMatchObject({ ok: true, data: { user: { id: user.id } } });
      expect(secrets.calls).toEqual([`write ${dir}`]);
      expect(secrets.kept.get(dir)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(existsSync(tokenFileOf(dir))).toBe(false); // the host's store, not the worker's file
      await worker.close();

      const again = startStoreWorker({ workerFile: STORE_WORKER_FROM_SOURCE, dataDir: temp.dir, secrets: secrets.store });
      expect(await again.ready).toMatchObject({ workspace: 'real' });
      await expect.poll(() => secrets.calls).toContain(`read ${dir}`);
      expect(await again.invoke('sync.signOut', {})).toMatchObject({ ok: true, data: { phase: 'signed-out' } });
      expect(secrets.calls).toContain(`remove ${dir}`);
      expect(secrets.kept.size).toBe(0);
      await again.close();
    } finally {
      temp.remove();
    }
  });
});
