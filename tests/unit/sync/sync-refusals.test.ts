import { describe, expect, it } from 'vitest';
import { classifyRefusal } from '../../../src-main/sync/sync-http';

describe('what the client does with a refused sync request', () => {
  it.each([
    [401, { code: 'UNAUTHENTICATED', message: 'revoked' }, 'unauthenticated'],
    [426, { code: 'UPGRADE_REQUIRED', message: 'old' }, 'upgrade'],
    [400, { code: 'UPGRADE_REQUIRED', message: 'old' }, 'upgrade'],
    [409, { code: 'MUTATION_GAP', message: 'gap', last_mutation_id: 3 }, 'gap'],
    [403, { code: 'CLIENT_MISMATCH', message: 'not yours' }, 'gap'],
    [409, { code: 'RESYNC_REQUIRED', message: 'too old' }, 'resync'],
    [410, { code: 'RESYNC_REQUIRED', message: 'too old' }, 'resync'],
    [503, { code: 'TRANSIENT', message: 'busy' }, 'transient'],
    [502, '<html>bad gateway</html>', 'transient'],
    [429, null, 'transient'],
    [400, { code: 'INVALID_BODY', message: 'bad' }, 'refused'],
  ])('%i %j → %s', (status, body, kind) => {
    expect(classifyRefusal(status, body).kind).toBe(kind);
  });

  it('keeps the server code and message for the status line, and MUTATION_GAP\'s last id', () => {
    const error = classifyRefusal(409, { code: 'MUTATION_GAP', message: 'expected 4', last_mutation_id: 3 });
    expect([error.code, error.message, error.lastMutationId]).toEqual(['MUTATION_GAP', 'expected 4', 3]);
    expect(classifyRefusal(502, 'x').code).toBe('HTTP_502');
  });
});
