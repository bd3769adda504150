import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+$/;

export interface WebShell {
  url: string;
  origin: string;
  token: string;
  stop: () => Promise<void>;
}

/**
 * Starts `node scripts/start-web.mjs --port 0 --data-dir <dir> --demo` (the demo book when the
 * folder is empty) in its own process group and resolves with the one URL line it prints on
 * stdout. Stderr (build and demo progress) is kept for the failure message.
 */
export function startWebShell(dataDir: string, timeoutMs: number): Promise<WebShell> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPO_ROOT, 'scripts', 'start-web.mjs'), '--port', '0', '--data-dir', dataDir, '--demo'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    // The wrapper forwards SIGTERM to the web shell it spawned; the group kill covers both.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<WebShell>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      void stop().finally(() => reject(new Error(`${why}\n--- start-web stderr (tail) ---\n${stderr}`)));
    };
    const timer = setTimeout(() => fail(`start-web printed no URL within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) => fail(`could not start start-web: ${error.message}`));
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(`start-web exited (code ${code}, signal ${signal}) before printing a URL`);
    child.once('exit', onEarlyExit);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      const url = line.trim();
      if (!URL_LINE.test(url)) return fail(`the first stdout line of start-web is not the URL: ${JSON.stringify(line)}`);
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      const parsed = new URL(url);
      resolve({ url, origin: parsed.origin, token: url.slice(url.indexOf('#token=') + '#token='.length), stop });
    });
  });
}
