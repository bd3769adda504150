import { createSseParser } from './sse-parser';
import { classifyRefusal, SyncRequestError } from './sync-http';

export interface PokeStreamOptions {
  serverUrl: string;
  token: string;
  fetch: typeof fetch;
  signal: AbortSignal;
  /** The server's head, at connect and whenever it moves. */
  onHead: (head: number) => void;
  /** The stream is open (the server answered 200): the caller resets its reconnect backoff. */
  onOpen?: () => void;
}

/**
 * Listens to the poke channel `GET /v1/sync/events` (server-sent events, `event: head`,
 * `data: {"head": N}`) until the stream ends, the signal aborts or a read fails. Resolves when the
 * stream ends or is aborted; throws a SyncRequestError when it cannot be opened (the caller decides
 * whether to reconnect: not after 'unauthenticated' or 'upgrade'). Uses fetch streaming, so it needs
 * no EventSource dependency and the simulation can drive it with a fake fetch.
 */
export async function listenForPokes(options: PokeStreamOptions): Promise<void> {
  let response: Response;
  try {
    response = await options.fetch(`${options.serverUrl}/v1/sync/events`, {
      headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted) return;
    throw new SyncRequestError('offline', 'OFFLINE', `The poke channel cannot be reached: ${(error as Error).message}`);
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // No JSON body: classified by status alone.
    }
    throw classifyRefusal(response.status, body);
  }
  if (!response.body) throw new SyncRequestError('transient', 'BAD_ANSWER', 'The poke channel answered without a stream');
  options.onOpen?.();
  const parser = createSseParser((event) => {
    if (event.event !== 'head') return;
    try {
      const head = (JSON.parse(event.data) as { head?: unknown }).head;
      if (typeof head === 'number' && Number.isFinite(head)) options.onHead(head);
    } catch {
      // A garbled poke is only a hint lost; the periodic round still runs.
    }
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    if (options.signal.aborted) return;
    throw new SyncRequestError('offline', 'OFFLINE', `The poke channel broke: ${(error as Error).message}`);
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
