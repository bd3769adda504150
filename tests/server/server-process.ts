import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { TestDatabase } from './server-test-databases';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'src-server', 'server-cli.ts');

export interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  /** Everything it wrote, stdout and stderr. */
  output: () => string;
  stdout: () => string;
  stderr: () => string;
}

/** `npm run server -- ARGS --data-dir D` as a real child process on the test database (DATABASE_URL for PostgreSQL). */
export function serverCli(target: TestDatabase, args: string[]): ChildProcess {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  const env = target.databaseUrl ? { ...rest, DATABASE_URL: target.databaseUrl } : rest;
  // node with tsx's loader, not the tsx CLI: that runs the server as a grandchild, which a SIGKILL of
  // the child left running (holding database connections) after the tests.
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args, '--data-dir', target.dataDir], { cwd: ROOT, env });
}

/** Starts a server process on a free port; resolves with its base URL once it logs that it listens. */
export function startServerProcess(target: TestDatabase, started: ChildProcess[], args: string[] = []): Promise<RunningServer> {
  const child = serverCli(target, ['--port', '0', ...args]);
  started.push(child);
  let output = '';
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      stdout += String(chunk);
      const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (address) resolve({ child, baseUrl: address, output: () => output, stdout: () => stdout, stderr: () => stderr });
    });
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
      stderr += String(chunk);
    });
    child.on('close', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

/** Kills the server processes a suite started (afterAll), so none outlives the tests. */
export function stopServerProcesses(started: readonly ChildProcess[]): void {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
}
