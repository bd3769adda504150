import type { IpcResult } from '../../src-shared/ipc/ipc-error';

/** What the Electron preload exposes on window.csm; the renderer reaches it only through api/. */
export interface DesktopBridge {
  invoke: (operation: string, payload: unknown) => Promise<IpcResult<unknown>>;
  on: (event: string, listener: (data: unknown) => void) => () => void;
}

export interface Transport {
  invoke: (operation: string, payload: unknown) => Promise<IpcResult<unknown>>;
  /** Listens to a push event from main; returns the unsubscribe function. */
  on: (event: string, listener: (data: unknown) => void) => () => void;
}

const TOKEN_KEY = 'csm.webShellToken';

/** A place of the app a web-shell link may open at (`#token=…&to=/portfolio`): a plain path only. */
const PLACE = /^\/[A-Za-z0-9/_-]*$/;

/**
 * Reads the web shell's per-run token from the URL fragment once, then keeps it for reloads. The
 * fragment may also name the place to open at (`&to=/accounts/ID`), which becomes the route.
 */
function webShellToken(): string | null {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    const to = /[&#]to=([^&]+)/.exec(window.location.hash)?.[1];
    const place = to ? decodeURIComponent(to) : '';
    // Keep the token out of the address bar and history once read.
    history.replaceState(null, '', window.location.pathname + window.location.search + (PLACE.test(place) ? `#${place}` : ''));
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpTransport(): Transport {
  const token = webShellToken();
  // One server-sent events stream for every subscription; the browser reconnects it if it drops.
  let source: EventSource | null = null;
  let subscribers = 0;
  return {
    async invoke(operation, payload) {
      try {
        const response = await fetch(`/ipc/${encodeURIComponent(operation)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify({ payload }),
        });
        return (await response.json()) as IpcResult<unknown>;
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `The local service did not answer: ${String(error)}` } };
      }
    },
    on(event, listener) {
      const stream = (source ??= new EventSource(`/events?token=${encodeURIComponent(token ?? '')}`));
      subscribers += 1;
      const handler = (message: MessageEvent<string>): void => listener(JSON.parse(message.data) as unknown);
      stream.addEventListener(event, handler);
      return () => {
        stream.removeEventListener(event, handler);
        subscribers -= 1;
        if (subscribers === 0) {
          stream.close();
          source = null;
        }
      };
    },
  };
}

/** Electron's preload bridge when present, else HTTP to the web shell: the only difference between the two. */
export function createTransport(): Transport {
  const bridge = (window as unknown as { csm?: DesktopBridge }).csm;
  return bridge
    ? { invoke: (operation, payload) => bridge.invoke(operation, payload), on: (event, listener) => bridge.on(event, listener) }
    : httpTransport();
}
