import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { IpcErrorCode } from '../../src-shared/ipc/ipc-error';
import type { DataChangedEvent } from '../../src-shared/ipc/operation-names';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy';
import type { IpcDispatch } from '../ipc/ipc-dispatcher';

const MAX_BODY_BYTES = 1_000_000;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface WebShellOptions {
  dispatch: IpcDispatch;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string;
  /** Source of `data.changed` pushes, streamed to tabs on GET /events (server-sent events). */
  onDataChanged?: (listener: (event: DataChangedEvent) => void) => () => void;
}

export interface WebShell {
  url: string;
  token: string;
  port: number;
  server: Server;
  close: () => Promise<void>;
}

/** Every error the browser can get has the IPC result shape, so the client always finds { code, message }. */
function sendError(res: ServerResponse, status: number, code: IpcErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('too_large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the built renderer and carries the IPC contract over HTTP, on 127.0.0.1 only. Every IPC
 * call must present the per-run token; the Host header is checked so a web page elsewhere cannot
 * reach the store through DNS rebinding.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererRoot = normalize(options.rendererDir + sep);
  let allowedHosts = new Set<string>();

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    let relative: string;
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    } catch {
      return sendError(res, 400, 'VALIDATION', `Malformed path ${pathname}`);
    }
    const file = normalize(join(rendererRoot, relative));
    if (!file.startsWith(rendererRoot)) return sendError(res, 404, 'NOT_FOUND', 'Not found');
    try {
      const content = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      });
      res.end(content);
    } catch {
      sendError(res, 404, 'NOT_FOUND', `No file ${pathname}`);
    }
  }

  const streams = new Set<ServerResponse>();
  const unsubscribe = options.onDataChanged?.((event) => {
    for (const stream of streams) stream.write(`event: data.changed\ndata: ${JSON.stringify(event)}\n\n`);
  });

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return sendError(res, 403, 'UNAUTHORIZED', 'This server only answers on 127.0.0.1');
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/events') {
      // EventSource cannot send headers, so the token comes in the query string here.
      if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
        return sendError(res, 401, 'UNAUTHORIZED', 'Missing or wrong session token');
      }
      return streamEvents(req, res);
    }
    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return sendError(res, 405, 'VALIDATION', 'Use POST');
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!tokenMatches(bearer, token)) {
        return sendError(res, 401, 'UNAUTHORIZED', 'Missing or wrong session token');
      }
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body ? (JSON.parse(body) as { payload?: unknown }).payload : undefined;
      } catch (error) {
        const tooLarge = error instanceof Error && error.message === 'too_large';
        // The rest of an oversized body is never read, so this connection cannot be reused.
        if (tooLarge) res.setHeader('connection', 'close');
        return sendError(res, tooLarge ? 413 : 400, 'VALIDATION', tooLarge ? 'Request body over 1 MB' : 'Request body is not valid JSON');
      }
      // Contract names are plain ASCII: taken as they come, anything escaped is an unknown operation.
      const result = options.dispatch(url.pathname.slice('/ipc/'.length), payload);
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET') return sendError(res, 405, 'VALIDATION', 'Use GET');
    return serveStatic(res, url.pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('web shell request failed', error);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe?.();
        for (const stream of streams) stream.end();
        server.close(() => resolve());
      }),
  };
}
