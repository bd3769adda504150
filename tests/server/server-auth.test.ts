import { PassThrough } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SUPPORTED_SCHEMA_VERSIONS } from '../../src-shared/sync/protocol-versions';
import { AdminCommandError, runAdminCommand } from '../../src-server/admin-commands';
import { hashPassword } from '../../src-server/auth/passwords';
import type { Database } from '../../src-server/db/database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { BODY_LIMIT_BYTES, buildServer } from '../../src-server/http/build-server';
import { insertUser } from '../../src-server/users/user-repository';
import { createTestDatabase, describeOnEachDatabase, type TestDatabase } from './server-test-databases';

const PASSWORD = 'correct horse battery';

describeOnEachDatabase('server health, auth over HTTP and admin commands', (kind) => {
  let target: TestDatabase;
  let db: Database;
  let app: FastifyInstance;
  let logText = '';
  let userCount = 0;

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await target.open();
    await migrateServerDatabase(db);
    const logStream = new PassThrough();
    logStream.on('data', (chunk) => (logText += String(chunk)));
    app = await buildServer({ db, logger: { level: 'info', stream: logStream } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await target?.dispose();
  });

  /** A fresh user per test, so rate-limit counts and tokens never leak between tests. */
  async function newUser(role: 'csm' | 'manager' | 'admin' = 'csm') {
    userCount += 1;
    const email = `user${userCount}@example.com`;
    return insertUser(db, { email, name: `User ${userCount}`, role, managerId: null, passwordHash: await hashPassword(PASSWORD) });
  }
  // Each test its own address too, so the per-address limit of one test does not touch another.
  const from = (address: string) => ({ remoteAddress: address });
  const login = (body: unknown, address = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/v1/auth/login', payload: body as InjectOptions['payload'], ...from(address) });
  const tokenCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM device_tokens'))[0]?.n;

  it('answers health without a token, with the protocol and schema versions it accepts', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', protocol: { min: 1, max: 1 }, schema: SUPPORTED_SCHEMA_VERSIONS });
  });

  it('signs in with the right password (email in any case) and stores only the hash of the token', async () => {
    const user = await newUser();
    const response = await login({ email: user.email.toUpperCase(), password: PASSWORD, device: 'Ana laptop' }, '10.0.1.1');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toEqual({ id: user.id, email: user.email, name: user.name, role: 'csm' });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.query<{ token_hash: string; device: string }>('SELECT token_hash, device FROM device_tokens WHERE user_id = $1', [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.device).toBe('Ana laptop');
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const everything = JSON.stringify(await db.query('SELECT * FROM device_tokens')) + JSON.stringify(await db.query('SELECT * FROM users'));
    expect(everything).not.toContain(body.token);
    expect(everything).not.toContain(PASSWORD);

    const me = await app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: body.user });
  });

  it('gives the same 401 for a wrong password and an unknown email, and stores no token', async () => {
    const user = await newUser();
    const before = await tokenCount();
    const wrongPassword = await login({ email: user.email, password: 'not it', device: 'd' }, '10.0.2.1');
    const unknownEmail = await login({ email: 'nobody@example.com', password: PASSWORD, device: 'd' }, '10.0.2.1');
    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: 'BAD_CREDENTIALS', message: 'The email or the password is wrong.' });
    }
    expect(await tokenCount()).toBe(before);
  });

  it('refuses the 11th try of an email within the window with 429, even with the right password', async () => {
    const user = await newUser();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      // Spread over addresses so only the per-email count is at work here.
      expect((await login({ email: user.email, password: 'wrong', device: 'd' }, `10.0.3.${attempt}`)).statusCode).toBe(401);
    }
    const blocked = await login({ email: user.email, password: PASSWORD, device: 'd' }, '10.0.3.99');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('RATE_LIMITED');
  });

  it('limits one address trying many emails', async () => {
    const user = await newUser();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await login({ email: `guess${attempt}@example.com`, password: 'wrong', device: 'd' }, '10.0.4.1')).statusCode).toBe(401);
    }
    expect((await login({ email: user.email, password: PASSWORD, device: 'd' }, '10.0.4.1')).statusCode).toBe(429);
    expect((await login({ email: user.email, password: PASSWORD, device: 'd' }, '10.0.4.2')).statusCode).toBe(200);
  });

  it('revokes the token on logout: the same token then gets 401', async () => {
    const user = await newUser();
    const { token } = (await login({ email: user.email, password: PASSWORD, device: 'd' }, '10.0.5.1')).json();
    const auth = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: auth })).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/v1/auth/me', headers: auth });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
    expect((await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: auth })).statusCode).toBe(401);
  });

  it('answers 401 UNAUTHENTICATED without a bearer token or with a garbage one', async () => {
    const headerSets = [{}, { authorization: 'Bearer' }, { authorization: 'Bearer not-a-token' }, { authorization: `Bearer ${'A'.repeat(43)}` }, { authorization: 'Basic dXNlcjpwYXNz' }];
    for (const headers of headerSets) {
      const response = await app.inject({ method: 'GET', url: '/v1/auth/me', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String) });
    }
  });

  it('answers bad input with 400/413/415 {code, message} and stores nothing', async () => {
    const user = await newUser();
    const before = await tokenCount();
    const post = (payload: string, contentType = 'application/json') =>
      app.inject({ method: 'POST', url: '/v1/auth/login', payload, headers: { 'content-type': contentType }, ...from('10.0.6.1') });
    const cases: Array<[string, number, string, string?]> = [
      ['{"email": "a@b.c", "password":', 400, 'BAD_REQUEST'],
      ['', 400, 'BAD_REQUEST'],
      ['[1, 2]', 400, 'BAD_REQUEST'],
      ['null', 400, 'BAD_REQUEST'],
      [JSON.stringify({ email: user.email, password: PASSWORD, device: 'd', admin: true }), 400, 'BAD_REQUEST'],
      [JSON.stringify({ email: user.email, password: 12345678, device: 'd' }), 400, 'BAD_REQUEST'],
      [JSON.stringify({ email: user.email, password: PASSWORD }), 400, 'BAD_REQUEST'],
      [JSON.stringify({ email: user.email, password: 'x'.repeat(BODY_LIMIT_BYTES), device: 'd' }), 413, 'PAYLOAD_TOO_LARGE'],
      [`email=${user.email}`, 415, 'UNSUPPORTED_MEDIA_TYPE', 'application/x-www-form-urlencoded'],
    ];
    for (const [payload, status, code, contentType] of cases) {
      const response = await post(payload, contentType);
      expect({ payload: payload.slice(0, 80), status: response.statusCode }).toEqual({ payload: payload.slice(0, 80), status });
      expect(response.json()).toMatchObject({ code, message: expect.any(String) });
    }
    const unknownField = await post(JSON.stringify({ email: user.email, password: PASSWORD, device: 'd', admin: true }));
    expect(unknownField.json().message).toMatch(/admin/);
    expect(await tokenCount()).toBe(before);
  });

  it('answers unknown routes with 404 NOT_FOUND, with or without a token', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never writes a password, a token or an authorization header to the log', async () => {
    const user = await newUser();
    const { token } = (await login({ email: user.email, password: PASSWORD, device: 'd' }, '10.0.7.1')).json();
    await app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(logText).toContain('request completed');
    expect(logText).not.toContain(token);
    expect(logText).not.toContain(PASSWORD);
  });

  const admin = (argv: string[], stdinPassword = '') => runAdminCommand(db, argv, { readPassword: async () => stdinPassword });

  it('refuses admin mistakes with a message naming the problem, creating nothing', async () => {
    const csm = await newUser();
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]?.n;
    const mistakes: Array<[string[], RegExp]> = [
      [['create-user', '--email', csm.email.toUpperCase(), '--name', 'Again', '--role', 'csm', '--password', 'long-enough'], /already exists/],
      [['create-user', '--email', 'bo@example.com', '--name', 'Bo', '--role', 'boss', '--password', 'long-enough'], /--role/],
      [['create-user', '--email', 'not-an-email', '--name', 'Bo', '--role', 'csm', '--password', 'long-enough'], /--email/],
      [['create-user', '--email', 'bo@example.com', '--role', 'csm', '--password', 'long-enough'], /--name is required/],
      [['create-user', '--email', 'bo@example.com', '--name', 'Bo', '--role', 'csm', '--manager', csm.email, '--password', 'long-enough'], /is a csm, not a manager/],
      [['create-user', '--email', 'bo@example.com', '--name', 'Bo', '--role', 'csm'], /at least 8/],
      [['create-user', '--email', 'bo@example.com', '--name', 'Bo', '--role', 'csm', '--password', 'long-enough', '--colour', 'red'], /colour/],
      [['revoke-tokens', '--email', 'nobody@example.com'], /no user with email nobody@example.com/],
      [['drop-everything'], /unknown admin command drop-everything/],
    ];
    for (const [argv, message] of mistakes) {
      const failure = admin(argv);
      await expect(failure).rejects.toThrow(AdminCommandError);
      await expect(failure).rejects.toThrow(message);
    }
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]?.n).toBe(before);
  });

  it('creates a report under a manager, and revoke-tokens and reset-password sign every device out', async () => {
    const manager = await newUser('manager');
    expect(await admin(['create-user', '--email', 'report@example.com', '--name', 'Report', '--role', 'csm', '--manager', manager.email], 'report-pass-1')).toMatch(/^created csm report@example.com/);
    const report = await db.query<{ manager_id: string }>(`SELECT manager_id FROM users WHERE email = 'report@example.com'`);
    expect(report[0]?.manager_id).toBe(manager.id);

    const signIn = async (password: string) => login({ email: 'report@example.com', password, device: 'd' }, '10.0.8.1');
    const me = (token: string) => app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    const first = (await signIn('report-pass-1')).json().token;
    expect(await admin(['revoke-tokens', '--email', 'REPORT@example.com'])).toBe('1 device token(s) revoked for report@example.com');
    expect((await me(first)).statusCode).toBe(401);

    const second = (await signIn('report-pass-1')).json().token;
    expect(await admin(['reset-password', '--email', 'report@example.com', '--password', 'report-pass-2'])).toMatch(/1 device token\(s\) revoked/);
    expect((await me(second)).statusCode).toBe(401);
    expect((await signIn('report-pass-1')).statusCode).toBe(401);
    expect((await signIn('report-pass-2')).statusCode).toBe(200);
  });
});
