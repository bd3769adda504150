import { describe, expect, it } from 'vitest';
import { problemsCsv } from '../../../src-main/session/sync-problems';
import { serverKeyOf, sessionDirOf } from '../../../src-main/session/session-paths';
import { serverUrlProblem, serverUrlSchema } from '../../../src-shared/ipc/sync-session-schemas';
import type { SyncProblem } from '../../../src-shared/ipc/sync-status';

describe('team server address', () => {
  it('accepts http and https, normalized without a trailing slash', () => {
    expect(serverUrlSchema.parse(' https://Sync.Example.com/ ')).toBe('https://sync.example.com');
    expect(serverUrlSchema.parse('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(serverUrlSchema.parse('https://example.com/csm/')).toBe('https://example.com/csm');
  });

  it('refuses other schemes, credentials, queries and non-addresses, saying why', () => {
    expect(serverUrlProblem('ftp://example.com')).toMatch(/http/);
    expect(serverUrlProblem('javascript:alert(1)')).toMatch(/http/);
    expect(serverUrlProblem('https://ana:pw@example.com')).toMatch(/user name or password/);
    expect(serverUrlProblem('https://example.com/?x=1')).toMatch(/query/);
    expect(serverUrlProblem('example.com')).toMatch(/full address/);
    expect(serverUrlSchema.safeParse('').success).toBe(false);
  });

  it('keys a server by host and port, safe as a folder name', () => {
    expect(serverKeyOf('https://Sync.Example.com')).toBe('sync.example.com_443');
    expect(serverKeyOf('http://127.0.0.1:8787/csm')).toBe('127.0.0.1_8787');
    expect(serverKeyOf('http://[::1]:8787')).toBe('___1__8787');
    expect(() => sessionDirOf('/d', 'http://x', '../../etc')).toThrow(/unusable user id/);
  });
});

describe('sync problems export', () => {
  const problem: SyncProblem = {
    mutationId: 7,
    entity: 'notes',
    rowId: 'n1',
    accountId: 'a1',
    accountName: 'Acme, "Inc"',
    op: 'upsert',
    fields: { body: '=HYPERLINK("x")' },
    createdAt: '2026-06-15T12:00:00.000Z',
    code: 'OUT_OF_SCOPE',
    message: '=1+1 is not yours',
  };

  it('writes RFC 4180 CSV with a BOM, quoting and formula-safe cells', () => {
    const { fileName, content } = problemsCsv([problem], new Date('2026-06-15T12:34:56.789Z'));
    expect(fileName).toBe('sync-problems-20260615T123456Z.csv');
    expect(content.startsWith('\uFEFFmade_at,account,account_id,entity,operation,row_id,server_code,server_message,fields\r\n')).toBe(true);
    const row = content.split('\r\n')[1];
    expect(row).toContain('"Acme, ""Inc"""');
    expect(row).toContain("'=1+1 is not yours");
    expect(row).toContain('OUT_OF_SCOPE');
  });
});
