import type { FastifyInstance } from 'fastify';

/**
 * The simulated network between the client engines and the real server (DESIGN §3 simulation). A
 * client's `fetch` does not reach the server by itself: it parks an exchange, and the simulation
 * decides, step by step and from its seed, when the request reaches the server, when the answer
 * reaches the client, or whether either is lost or the request is delivered twice. The server runs
 * in-process through Fastify's `inject`, so no sockets, timers or threads make a run vary.
 */

export interface Exchange {
  id: number;
  client: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** 'request': not yet at the server; 'response': answered, the answer not yet back at the client. */
  stage: 'request' | 'response';
  answer?: { status: number; body: string; contentType: string };
  resolve: (response: Response) => void;
  reject: (error: Error) => void;
}

export class SimNetwork {
  private nextId = 1;
  /** Exchanges in flight, oldest first. */
  readonly inFlight: Exchange[] = [];
  /** Immediate delivery (quiescence): requests go straight to the server and back. */
  perfect = false;

  constructor(public server: FastifyInstance) {}

  /** The `fetch` of client `client`: parks the exchange (or delivers it at once when the network is perfect). */
  fetchFor(client: number): typeof fetch {
    return (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      const headers = Object.fromEntries(new Headers(init?.headers).entries());
      const body = typeof init?.body === 'string' ? init.body : undefined;
      const method = init?.method ?? 'GET';
      // The poke channel is not simulated: rounds are started by the simulation.
      if (url.pathname === '/v1/sync/events') throw new TypeError('fetch failed: no event stream in the simulation');
      if (this.perfect) {
        const answer = await this.serve(method, url.pathname + url.search, headers, body);
        return toResponse(answer);
      }
      return new Promise<Response>((resolve, reject) => {
        this.inFlight.push({ id: this.nextId++, client, method, url: url.pathname + url.search, headers, body, stage: 'request', resolve, reject });
      });
    }) as typeof fetch;
  }

  async serve(method: string, url: string, headers: Record<string, string>, body: string | undefined): Promise<NonNullable<Exchange['answer']>> {
    const response = await this.server.inject({ method: method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body }) });
    return { status: response.statusCode, body: response.body, contentType: String(response.headers['content-type'] ?? 'application/json') };
  }

  /** The request reaches the server (which handles it completely); the answer waits to travel back. */
  async deliverRequest(exchange: Exchange): Promise<void> {
    exchange.answer = await this.serve(exchange.method, exchange.url, exchange.headers, exchange.body);
    exchange.stage = 'response';
  }

  /** The answer reaches the client. */
  deliverResponse(exchange: Exchange): void {
    this.remove(exchange);
    exchange.resolve(toResponse(exchange.answer as NonNullable<Exchange['answer']>));
  }

  /** The exchange is lost: before the server saw it, or after (then the server did the work). */
  drop(exchange: Exchange): void {
    this.remove(exchange);
    exchange.reject(new TypeError('fetch failed: the simulated network lost the message'));
  }

  /** Forgets a killed client's exchanges without answering them: its round is gone with the process. */
  forget(client: number): void {
    for (const exchange of this.inFlight.filter((e) => e.client === client)) this.remove(exchange);
  }

  private remove(exchange: Exchange): void {
    const at = this.inFlight.indexOf(exchange);
    if (at >= 0) this.inFlight.splice(at, 1);
  }
}

function toResponse(answer: NonNullable<Exchange['answer']>): Response {
  return new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } });
}
