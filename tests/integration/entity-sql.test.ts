import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { entityColumns, insertSql, rowParams, selectColumns, updateSql } from '../../src-main/db/entity-sql';
import { camelCase } from '../../src-shared/sync/entity-record-rows';
import { AccountsRepository } from '../../src-main/db/repositories/accounts-repository';
import { BookWriterRepository } from '../../src-main/db/repositories/book-writer-repository';
import { NotesRepository } from '../../src-main/db/repositories/notes-repository';
import { TouchpointsRepository } from '../../src-main/db/repositories/touchpoints-repository';
import { accountSchema, contactSchema, escalationSchema, noteSchema, touchpointSchema } from '../../src-shared/domain/entities';
import type { EntityName } from '../../src-shared/sync/entity-registry';
import { openFixtureStore } from '../helpers/temp-store';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

describe('SQL column text comes from the entity registry', () => {
  it('lists key columns first, then the registry columns, with or without an alias', () => {
    expect(entityColumns('metrics')).toEqual(['account_id', 'key', 'date', 'value', 'deleted_at']);
    expect(selectColumns('metrics')).toBe('account_id, key, date, value, deleted_at');
    expect(selectColumns('metrics', 'm')).toBe('m.account_id, m.key, m.date, m.value, m.deleted_at');
    expect(insertSql('scoring_config')).toBe('INSERT INTO scoring_config (id, config_json, updated_at) VALUES (@id, @config_json, @updated_at)');
    expect(insertSql('scoring_config', { values: { updated_at: "'x'" }, suffix: 'ON CONFLICT (id) DO NOTHING' })).toBe(
      "INSERT INTO scoring_config (id, config_json, updated_at) VALUES (@id, @config_json, 'x') ON CONFLICT (id) DO NOTHING",
    );
    expect(() => insertSql('scoring_config', { values: { nope: '1' } })).toThrow(/scoring_config insert has no column nope/);
    expect(insertSql('notes', { columns: ['body', 'account_id'] })).toBe('INSERT INTO notes (id, body, account_id) VALUES (@id, @body, @account_id)');
    expect(() => insertSql('notes', { columns: ['seq'] })).toThrow(/notes has no column seq/);
    expect(updateSql('metrics', ['value'], { guard: 'deleted_at IS NULL', suffix: 'RETURNING account_id' })).toBe(
      'UPDATE metrics SET value = @value WHERE account_id = @account_id AND key = @key AND date = @date AND deleted_at IS NULL RETURNING account_id',
    );
    expect(() => updateSql('metrics', ['key'])).toThrow(/metrics has no column key to set/);
    expect(() => updateSql('notes', [])).toThrow(/sets no column/);
  });

  it('binds a camelCase record by column name, flags as 0/1, and refuses a record missing a column', () => {
    expect(camelCase('plan_feature_count')).toBe('planFeatureCount');
    expect(rowParams('metrics', { accountId: 'a', key: 'k', date: '2026-01-01', value: 1 })).toEqual({
      account_id: 'a', key: 'k', date: '2026-01-01', value: 1, deleted_at: null,
    });
    const contact = {
      id: 'c', accountId: 'a', name: 'N', email: null, role: null, isChampion: true, departedAt: null, certificationLevel: 1,
      createdAt: 'x', updatedAt: 'y',
    };
    expect(rowParams('contacts', contact)).toMatchObject({ is_champion: 1, certification_level: 1, deleted_at: null });
    const { certificationLevel: _dropped, ...withoutLevel } = contact;
    expect(() => rowParams('contacts', withoutLevel)).toThrow('No value for contacts.certification_level');
    expect(rowParams('contacts', withoutLevel, { certification_level: 0 })).toMatchObject({ certification_level: 0 });
  });
});

/**
 * Checks a row→domain mapping against the stored row: every registry column whose camelCase name
 * the domain type has must arrive with the stored value (0/1 flags as booleans).
 */
function expectMapsEveryColumn(db: ReturnType<typeof openFixtureStore>['db'], entity: EntityName, schema: z.ZodObject, domain: Record<string, unknown>): void {
  const stored = db.prepare(`SELECT * FROM ${entity} WHERE id = ?`).get(domain.id) as Record<string, unknown>;
  const shape = Object.keys(schema.shape);
  const mapped = entityColumns(entity).filter((column) => shape.includes(camelCase(column)));
  for (const column of mapped) {
    const value = domain[camelCase(column)];
    expect(value, `${entity}.${column}`).toEqual(typeof value === 'boolean' ? stored[column] === 1 : stored[column]);
  }
  // The domain type names nothing the registry lacks.
  for (const property of shape) expect(entityColumns(entity).map(camelCase), `${entity} ${property}`).toContain(property);
}

describe('the row→domain mappings carry every registry column their domain type has', () => {
  it('accounts, contacts, escalations, touchpoints and notes', () => {
    const store = openFixtureStore();
    cleanups.push(store.remove);
    const at = '2026-02-01T00:00:00.000Z';
    const writer = new BookWriterRepository(store.db);
    writer.insertContact({
      id: 'c1', accountId: store.ids.acmeId, name: 'Marta', email: 'm@example.com', role: 'VP', isChampion: true,
      departedAt: '2026-05-01T00:00:00.000Z', certificationLevel: 2, createdAt: at, updatedAt: at,
    });
    writer.insertNote({ id: 'n1', accountId: store.ids.acmeId, touchpointId: store.ids.callId, authorId: store.ids.userId, body: 'Hi', createdAt: at, updatedAt: at });
    const accounts = new AccountsRepository(store.db);

    expectMapsEveryColumn(store.db, 'accounts', accountSchema, accounts.get(store.ids.borealisId)!);
    expectMapsEveryColumn(store.db, 'contacts', contactSchema, accounts.contacts(store.ids.acmeId)[0]!);
    expectMapsEveryColumn(store.db, 'escalations', escalationSchema, accounts.openEscalations(store.ids.borealisId)[0]!);
    expectMapsEveryColumn(store.db, 'touchpoints', touchpointSchema, new TouchpointsRepository(store.db).get(store.ids.doneCallId)!);
    expectMapsEveryColumn(store.db, 'notes', noteSchema, new NotesRepository(store.db).find('n1')!.note);
  });
});
