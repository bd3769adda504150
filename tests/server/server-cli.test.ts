import type { ChildProcess } from 'node:child_process';
import { expect, it } from 'vitest';
import { serverCli, startServerProcess, stopServerProcesses } from './server-process';
import { describeOnEachDatabase, useTestDatabase } from './server-test-databases';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

describeOnEachDatabase('server CLI: admin commands, then login over real HTTP', (kind) => {
  const started: ChildProcess[] = [];
  const database = useTestDatabase(kind, { beforeDispose: () => stopServerProcesses(started) });

  const cli = (args: string[]) => serverCli(database.target, args);

  function run(args: string[], stdin = ''): Promise<Finished> {
    const child = cli(args);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    child.stdin?.end(stdin);
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  }

  const startServer = () => startServerProcess(database.target, started);

  const login = (baseUrl: string, email: string, password: string) =>
    fetch(`${baseUrl}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, device: 'cli test' }) });

  it('creates a manager and a report (password by flag and by stdin), refuses a duplicate with one line, creates an account, serves their logins and the account list, and stops cleanly on SIGTERM', async () => {
    const manager = await run(['admin', 'create-user', '--email', 'Maria@Example.com', '--name', 'María', '--role', 'manager', '--password', 'manager-pass-1']);
    expect(manager).toMatchObject({ code: 0, stderr: '' });
    expect(manager.stdout).toMatch(/^created manager Maria@Example.com \(id [0-9a-f-]{36}\)\n$/);
    // The password from stdin, the way a script would pipe it.
    const csm = await run(['admin', 'create-user', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'csm', '--manager', 'maria@example.com'], 'csm-pass-123\n');
    expect(csm.code).toBe(0);

    // Mistakes in general are covered in-process (server-auth.test.ts); here: one line on stderr, exit 1.
    const duplicate = await run(['admin', 'create-user', '--email', 'ANA@example.com', '--name', 'Ana 2', '--role', 'csm', '--password', 'whatever-1']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toBe('error: a user with email ANA@example.com already exists\n');

    // create-account prints just the new id, so a script can capture it; a bad plan is one line.
    const account = await run(['admin', 'create-account', '--name', 'Acme', '--plan', 'enterprise', '--arr', '120000', '--owner', 'ana@example.com']);
    expect(account).toMatchObject({ code: 0, stderr: '' });
    expect(account.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    const badPlan = await run(['admin', 'create-account', '--name', 'Bolt', '--plan', 'gold', '--arr', '1', '--owner', 'ana@example.com']);
    expect(badPlan.code).toBe(1);
    expect(badPlan.stderr).toMatch(/^error: --plan: [^\n]+\n$/);

    const server = await startServer();
    const signedIn = await login(server.baseUrl, 'ana@example.com', 'csm-pass-123');
    expect(signedIn.status).toBe(200);
    const { token, user } = await signedIn.json();
    expect(user).toMatchObject({ email: 'ana@example.com', name: 'Ana', role: 'csm' });
    expect((await login(server.baseUrl, 'maria@example.com', 'manager-pass-1')).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const book = await fetch(`${server.baseUrl}/v1/accounts`, { headers: { authorization: `Bearer ${token}` } });
    expect(await book.json()).toEqual({ accounts: [{ id: account.stdout.trim(), name: 'Acme', owner_id: user.id }] });
    expect(server.output()).not.toContain(token);

    const exited = new Promise((resolve) => server.child.on('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(server.output()).toContain('shutting down');
    // Six tsx processes, each compiling the server on start: slow on a busy 2-core machine.
  }, 120_000);
});
