import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { IpcErrorCode } from '../../src-shared/ipc/ipc-error';
import type { IpcResult } from '../../src-shared/ipc/ipc-error';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy';

const MAX_BODY_BYTES = 1_000_000;
/** A client that trickles its headers or body is cut off instead of holding a socket for ever. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** Sent with every response: no framing by other sites (clickjacking), no MIME sniffing. */
const SECURITY_HEADERS = {
  'content-security-policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;
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

/** A push to every open tab: an event name of the contract and its data. */
export interface PushEvent {
  name: string;
  data: unknown;
}

export interface WebShellOptions {
  /** Carries one contract operation to the store (the worker in the app, a dispatcher in some tests). */
  dispatch: (operation: unknown, payload: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string;
  /** Time allowed for a request's headers (tests shorten it). */
  headersTimeoutMs?: number;
  /** Source of pushes (`data.changed`, `app.status`), streamed to tabs on GET /events (server-sent events). */
  onEvent?: (listener: (event: PushEvent) => void) => () => void;
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
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
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
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(content);
    } catch {
      sendError(res, 404, 'NOT_FOUND', `No file ${pathname}`);
    }
  }

  const streams = new Set<ServerResponse>();
  const unsubscribe = options.onEvent?.((event) => {
    for (const stream of streams) stream.write(`event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`);
  });

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
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
      const result = await options.dispatch(url.pathname.slice('/ipc/'.length), payload);
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET') return sendError(res, 405, 'VALIDATION', 'Use GET');
    return serveStatic(res, url.pathname);
  }

  // Timeouts are enforced by a periodic sweep; once a second so a slow client is cut off promptly.
  const server = createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('web shell request failed', error);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Internal error');
    });
  });
  server.headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  server.requestTimeout = Math.max(REQUEST_TIMEOUT_MS, server.headersTimeout);
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
