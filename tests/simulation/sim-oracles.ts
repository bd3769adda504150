import { ENTITIES, entityColumnNames, type EntityName } from '../../src-shared/sync/entity-registry';
import { accountIdsInScope } from '../../src-server/scope/account-scope';
import { wireRow } from '../../src-server/sync/entity-rows';
import type { SimClient, SimWorld } from './sim-world';

/** A change a device made through its services, as its outbox recorded it. */
export interface LocalMutation {
  client: number;
  outboxId: number;
  entity: string;
  rowId: string;
  fields: Record<string, unknown>;
  hlc: string;
}

type Rows = Map<string, string>;

const keyOf = (entity: EntityName, row: Record<string, unknown>): string => ENTITIES[entity].key.map((column) => String(row[column])).join('|');

/** Live rows in the scope, by key, each as canonical JSON of its registry columns. */
async function serverRows(world: SimWorld, entity: EntityName, scope: string[]): Promise<Rows> {
  const scopeColumn = ENTITIES[entity].scopeColumn;
  const live = entity === 'metrics' || 'deleted_at' in ENTITIES[entity].columns ? 'deleted_at IS NULL' : 'TRUE';
  const where = scopeColumn ? `${live} AND ${scopeColumn} = ANY($1::text[])` : live;
  const rows = await world.db.query<Record<string, unknown>>(`SELECT * FROM ${entity} WHERE ${where}`, scopeColumn ? [scope] : []);
  return new Map(rows.map((row) => [keyOf(entity, row), JSON.stringify(wireRow(entity, row))]));
}

function clientRows(client: SimClient, entity: EntityName): Rows {
  const columns = entityColumnNames(entity);
  const live = 'deleted_at' in ENTITIES[entity].columns ? 'WHERE deleted_at IS NULL' : '';
  const rows = client.db.prepare(`SELECT ${columns.join(', ')} FROM ${entity} ${live}`).all() as Record<string, unknown>[];
  return new Map(rows.map((row) => [keyOf(entity, row), JSON.stringify(wireRow(entity, row))]));
}

function differences(label: string, expected: Rows, actual: Rows): string[] {
  const out: string[] = [];
  for (const [key, row] of expected) {
    const theirs = actual.get(key);
    if (theirs === undefined) out.push(`${label}: missing ${key}`);
    else if (theirs !== row) out.push(`${label}: ${key} differs\n  server ${row}\n  device ${theirs}`);
  }
  for (const key of actual.keys()) if (!expected.has(key)) out.push(`${label}: ${key} should not be on the device`);
  return out.slice(0, 5);
}

/**
 * After quiescence: (1) every device holds exactly its user's scope and equals the server's view of
 * it, row for row and column for column; (2) no mutation is left pending, every refused one is kept
 * with the server's reason, and each field's final value on the server is that of the accepted
 * mutation with the greatest HLC (or the server's own when no device's write was accepted);
 * (3) nothing outside a device's scope is on it; (4) no device changed a server-owned row.
 */
export async function checkOracles(world: SimWorld, mutations: readonly LocalMutation[]): Promise<string[]> {
  const failures: string[] = [];
  for (const client of world.clients) {
    const scope = await accountIdsInScope(world.db, client.user);
    const who = `device ${client.index} (${client.user.email})`;
    for (const entity of Object.keys(ENTITIES) as EntityName[]) {
      if (entity === 'users') continue;
      failures.push(...differences(`${who} ${entity}`, await serverRows(world, entity, scope), clientRows(client, entity)));
    }
    const pending = client.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number };
    if (pending.n > 0) failures.push(`${who}: ${pending.n} mutations still pending after quiescence`);
    const silent = client.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'rejected' AND (rejection_json IS NULL OR rejection_json NOT LIKE '%code%')").get() as { n: number };
    if (silent.n > 0) failures.push(`${who}: ${silent.n} refused mutations without the server's reason`);
  }
  failures.push(...(await lastWriterWins(world, mutations)));
  failures.push(...(await serverOwnedUntouched(world)));
  return failures;
}

/** For each field a device wrote and the server accepted, the greatest HLC's value is the server's. */
async function lastWriterWins(world: SimWorld, mutations: readonly LocalMutation[]): Promise<string[]> {
  const refused = new Set<string>();
  for (const client of world.clients) {
    for (const row of client.db.prepare("SELECT id FROM outbox WHERE status = 'rejected'").all() as { id: number }[]) refused.add(`${client.index}:${row.id}`);
  }
  const winners = new Map<string, { hlc: string; value: unknown }>();
  for (const mutation of mutations) {
    if (refused.has(`${mutation.client}:${mutation.outboxId}`)) continue;
    const definition = ENTITIES[mutation.entity as EntityName];
    for (const [field, value] of Object.entries(mutation.fields)) {
      if (field === definition.authorColumn) continue;
      const key = `${mutation.entity}|${mutation.rowId}|${field}`;
      const best = winners.get(key);
      if (!best || mutation.hlc > best.hlc) winners.set(key, { hlc: mutation.hlc, value });
    }
  }
  const failures: string[] = [];
  for (const [key, winner] of winners) {
    const [entity, rowId, field] = key.split('|') as [EntityName, string, string];
    const [row] = await world.db.query<Record<string, unknown>>(`SELECT * FROM ${entity} WHERE id = $1`, [rowId]);
    const stored = row ? wireRow(entity, row)[field] : undefined;
    if (JSON.stringify(stored) !== JSON.stringify(winner.value)) failures.push(`${key}: the server has ${JSON.stringify(stored)}, the accepted write with the greatest HLC (${winner.hlc}) set ${JSON.stringify(winner.value)}`);
  }
  return failures.slice(0, 5);
}

/** Accounts keep their seeded commercial fields (owners change only by the simulation's reassignments, which are not checked here). */
async function serverOwnedUntouched(world: SimWorld): Promise<string[]> {
  const rows = await world.db.query<{ id: string; arr: number; plan: string }>('SELECT id, arr, plan FROM accounts ORDER BY name');
  return rows
    .map((row, i) => (Number(row.arr) === 10_000 * (i + 1) && row.plan === 'professional' ? null : `account ${row.id}: commercial fields changed to ${row.plan} ${row.arr}`))
    .filter((line): line is string => line !== null);
}
