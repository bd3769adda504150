import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from './server-test-databases';
import { startTestServer, type RunningTestServer } from './test-server';
import { loginToken, WireClient } from './sync-test-client';

const PASSWORD = 'ingest-pass';

describeOnEachDatabase('POST /v1/ingest/metrics', (kind) => {
  let server: RunningTestServer;
  let baseUrl: string;
  let acme: string;
  const tokens: Record<string, string> = {};
  const admin = (...argv: string[]) => server.admin(...argv);
  const ingest = async (token: string, body: unknown) => {
    const response = await fetch(`${baseUrl}/v1/ingest/metrics`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const metricsOf = async (cursor = 0) => {
    const { pages } = await new WireClient(baseUrl, tokens.ana as string).pullAll(cursor);
    return pages.flatMap((page) => page.changes).filter((change) => change.entity === 'metrics');
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { password: PASSWORD });
    ({ baseUrl } = server);
    await admin('create-user', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'csm');
    await admin('create-user', '--email', 'feed@example.com', '--name', 'Usage feed', '--role', 'admin');
    acme = await admin('create-account', '--name', 'Acme', '--plan', 'starter', '--arr', '1000', '--owner', 'ana@example.com');
    tokens.ana = await loginToken(baseUrl, 'ana@example.com', PASSWORD);
    tokens.feed = await loginToken(baseUrl, 'feed@example.com', PASSWORD);
  });
  afterAll(() => server?.close());

  it('stores values that reach the owning CSM on the next pull; a repeat changes nothing', async () => {
    const body = { metrics: [{ account_id: acme, date: '2026-11-16', key: 'login_frequency', value: 0.4 }, { account_id: acme, date: '2026-11-16', key: 'support_tickets', value: 9 }] };
    const first = await ingest(tokens.feed as string, body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 2, changed: 2 });
    const pulled = await metricsOf();
    expect(pulled.map((change) => [change.row_id, change.fields.value]).sort()).toEqual([[`${acme}|login_frequency|2026-11-16`, 0.4], [`${acme}|support_tickets|2026-11-16`, 9]]);

    const again = await ingest(tokens.feed as string, body);
    expect(again.body).toMatchObject({ received: 2, changed: 0, head: first.body.head });
    const changed = await ingest(tokens.feed as string, { metrics: [{ ...body.metrics[0], value: 0.1 }] });
    expect(changed.body).toMatchObject({ changed: 1 });
    expect((await metricsOf(first.body.head as number)).map((change) => change.fields.value)).toEqual([0.1]);
  });

  it('refuses a bad batch whole, naming the row and the field, and stores nothing', async () => {
    const before = (await metricsOf()).length;
    const cases: [unknown, string][] = [
      [{ metrics: [{ account_id: acme, date: '2026-11-17', key: 'login_frequency', value: 1 }, { account_id: acme, date: '2026-11-17', key: 'logins', value: 1 }] }, 'metrics.1.key'],
      [{ metrics: [{ account_id: acme, date: '2026-02-30', key: 'support_tickets', value: 1 }] }, 'metrics.0.date'],
      [{ metrics: [{ account_id: acme, date: '2026-11-17', key: 'support_tickets', value: 'high' }] }, 'metrics.0.value'],
      [{ metrics: [{ account_id: 'nope', date: '2026-11-17', key: 'support_tickets', value: 1 }] }, 'metrics.0.account_id'],
      [{ metrics: [{ account_id: acme, date: '2026-11-17', key: 'support_tickets', value: 1 }, { account_id: acme, date: '2026-11-17', key: 'support_tickets', value: 2 }] }, 'metrics.1'],
      [{ metrics: [] }, 'metrics'],
    ];
    for (const [body, field] of cases) {
      const answer = await ingest(tokens.feed as string, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.code).toBe('BAD_REQUEST');
      expect(answer.body.message).toContain(field);
    }
    expect((await metricsOf()).length).toBe(before);
  });

  it('is for admins and integrations only', async () => {
    const answer = await ingest(tokens.ana as string, { metrics: [{ account_id: acme, date: '2026-11-17', key: 'support_tickets', value: 1 }] });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('FORBIDDEN');
  });
});
