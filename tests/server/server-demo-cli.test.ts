import type { ChildProcess } from 'node:child_process';
import { expect, it } from 'vitest';
import { startServerProcess, type RunningServer, stopServerProcesses } from './server-process';
import { describeOnEachDatabase, useTestDatabase } from './server-test-databases';

const ACCOUNTS = 12;

type Started = RunningServer;

interface Login {
  email: string;
  password: string;
  role: string;
}

/** `npm run server -- --demo` as a user runs it: seeds once, prints the logins every start, serves. */
describeOnEachDatabase('server CLI --demo', (kind) => {
  const started: ChildProcess[] = [];
  const database = useTestDatabase(kind, { beforeDispose: () => stopServerProcesses(started) });

  const startDemoServer = () => startServerProcess(database.target, started, ['--demo', '--demo-accounts', String(ACCOUNTS)]);

  async function stop(server: Started): Promise<void> {
    const closed = new Promise((resolve) => server.child.on('close', resolve));
    server.child.kill('SIGTERM');
    await closed;
  }

  const loginsOf = (stdout: string): Login[] =>
    [...stdout.matchAll(/^login: (\S+) (\S+) (\S+)$/gm)].map(([, email, password, role]) => ({ email: email ?? '', password: password ?? '', role: role ?? '' }));

  async function login(baseUrl: string, who: Login): Promise<{ token: string; user: { id: string; role: string } }> {
    const response = await fetch(`${baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: who.email, password: who.password, device: 'demo cli test' }),
    });
    expect(response.status, who.email).toBe(200);
    return (await response.json()) as { token: string; user: { id: string; role: string } };
  }

  async function allAccounts(baseUrl: string, admin: Login): Promise<{ id: string; owner_id: string | null }[]> {
    const { token } = await login(baseUrl, admin);
    const response = await fetch(`${baseUrl}/v1/accounts`, { headers: { authorization: `Bearer ${token}` } });
    return ((await response.json()) as { accounts: { id: string; owner_id: string | null }[] }).accounts;
  }

  it('seeds on the first start and prints 9 logins that sign in over HTTP; a second start prints them again and seeds nothing', { timeout: 90_000 }, async () => {
    const first = await startDemoServer();
    const logins = loginsOf(first.stdout());
    expect(logins.map((l) => l.role)).toEqual(['admin', 'manager', 'manager', 'csm', 'csm', 'csm', 'csm', 'csm', 'csm']);
    expect(first.stderr()).toMatch(/demo organisation seeded in [\d.]+ s: 9 users, 12 accounts/);
    const csmIds = new Set<string>();
    for (const who of logins) {
      const { user } = await login(first.baseUrl, who);
      expect(user.role).toBe(who.role);
      if (who.role === 'csm') csmIds.add(user.id);
    }
    const admin = logins[0] as Login;
    const accounts = await allAccounts(first.baseUrl, admin);
    expect(accounts).toHaveLength(ACCOUNTS);
    for (const account of accounts) expect(csmIds.has(account.owner_id ?? '')).toBe(true);
    await stop(first);

    const second = await startDemoServer();
    expect(loginsOf(second.stdout())).toEqual(logins);
    expect(second.stderr()).toMatch(/demo organisation already seeded: not seeding again/);
    expect(await allAccounts(second.baseUrl, admin)).toHaveLength(ACCOUNTS);
    await stop(second);
  });
});
