import { expect, it } from 'vitest';
import { z } from 'zod';
import { ENTITIES, type EntityDefinition, type EntityName } from '../../src-shared/sync/entity-registry';
import { describeOnEachDatabase, useTestDatabase } from './server-test-databases';

/**
 * The server's tables and the entity registry cannot drift: every registry entity has a table whose
 * columns are exactly its key and columns plus `server_version` (users also `password_hash`), each
 * with the PostgreSQL type and nullability its wire type implies, and the registry's primary key.
 */

const INT4_MAX = 2_147_483_647;

/** The column type the server stores a wire type as: text, 0/1 smallint, integer or bigint by range, double precision. */
function postgresTypeOf(schema: z.ZodType): { type: string; nullable: boolean } {
  if (schema instanceof z.ZodNullable) return { type: postgresTypeOf(schema.unwrap() as z.ZodType).type, nullable: true };
  if (schema instanceof z.ZodString || schema instanceof z.ZodEnum) return { type: 'text', nullable: false };
  if (schema instanceof z.ZodUnion) return { type: 'smallint', nullable: false }; // the registry's only union is the 0/1 flag
  if (schema instanceof z.ZodNumber) {
    const type = !schema.isInt ? 'double precision' : (schema.maxValue ?? Infinity) > INT4_MAX ? 'bigint' : 'integer';
    return { type, nullable: false };
  }
  throw new Error(`no PostgreSQL type for a ${schema.def.type}`);
}

// 0001 made users' stamps timestamptz (the server writes them itself); the wire formats them as ISO text.
const USERS_TIMESTAMPTZ = new Set(['created_at', 'updated_at', 'deleted_at']);

function expectedColumns(name: EntityName): Record<string, { type: string; nullable: boolean }> {
  const entity: EntityDefinition = ENTITIES[name];
  const columns: Record<string, { type: string; nullable: boolean }> = {};
  for (const key of entity.key) columns[key] = { type: 'text', nullable: false };
  for (const [column, schema] of Object.entries(entity.columns)) {
    const stored = postgresTypeOf(schema);
    columns[column] = name === 'users' && USERS_TIMESTAMPTZ.has(column) ? { ...stored, type: 'timestamp with time zone' } : stored;
  }
  columns.server_version = { type: 'bigint', nullable: true };
  if (name === 'users') columns.password_hash = { type: 'text', nullable: false };
  return columns;
}

describeOnEachDatabase('server tables match the entity registry', (kind) => {
  const database = useTestDatabase(kind, { migrated: true });

  it.each(Object.keys(ENTITIES) as EntityName[])('%s: same columns, types, nullability and primary key', async (name) => {
    const rows = await database.db.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [name],
    );
    const actual = Object.fromEntries(rows.map((row) => [row.column_name, { type: row.data_type, nullable: row.is_nullable === 'YES' }]));
    expect(actual).toEqual(expectedColumns(name));

    const key = await database.db.query<{ column_name: string }>(
      `SELECT k.column_name FROM information_schema.table_constraints c
       JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name
       WHERE c.table_schema = 'public' AND c.table_name = $1 AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position`,
      [name],
    );
    expect(key.map((row) => row.column_name)).toEqual([...ENTITIES[name].key]);
  });
});
