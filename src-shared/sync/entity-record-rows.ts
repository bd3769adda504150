import { entityColumnNames, type EntityName } from './entity-registry';

/**
 * Records (camelCase, as the domain and the demo generator spell them) to entity rows (the
 * registry's snake_case columns, as the stores and the wire hold them). One home for the
 * conversion, so the local store's writers and the server's agree on every column.
 */

/** `snake_case` → `camelCase`, the spelling of a column in the domain types and records. */
export function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

const propertyLists = new Map<EntityName, ReadonlyArray<readonly [string, string]>>();

/** Each column with its camelCase property name, worked out once per entity (bulk writes call per row). */
function propertyNames(entity: EntityName): ReadonlyArray<readonly [string, string]> {
  let pairs = propertyLists.get(entity);
  if (!pairs) {
    pairs = entityColumnNames(entity).map((column) => [column, camelCase(column)] as const);
    propertyLists.set(entity, pairs);
  }
  return pairs;
}

/**
 * Every column of an entity's row from a camelCase record: each column takes the record's property
 * of the same name (booleans become the stores' 0/1 flags), `overrides` wins, and `deleted_at` may
 * be absent (a written row is live). Any other column the record lacks is an error naming it, so a
 * column added to the registry cannot be written as a silent NULL.
 */
export function entityRowOf(entity: EntityName, record: object, overrides: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const [column, property] of propertyNames(entity)) {
    let value = column in overrides ? overrides[column] : source[property];
    if (value === undefined) {
      if (column !== 'deleted_at') throw new Error(`No value for ${entity}.${column}`);
      value = null;
    }
    row[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return row;
}
