import { z } from 'zod';
import { ENTITIES, entityColumnNames, isEntityName, parseFields, transitionAllowed, type EntityName } from './entity-registry';
import { REJECTION_CODES } from './sync-wire';

/**
 * How the server merges one pushed mutation into the row it has (DESIGN §3 "Push"): per field, the
 * write with the greater HLC wins (the stamp ends with the client id, so string order settles ties
 * between devices); a delete is a write of `deleted_at` and wins unless a later write explicitly
 * restores (`deleted_at: null`) — an edit that does not name `deleted_at` never resurrects a row.
 * Ownership, authorship and state machines are checked here too, so the rules live in one place.
 */

export interface StoredRow {
  /** Every registry column, key included. */
  row: Record<string, unknown>;
  /** HLC of the last accepted write of each field. */
  clocks: Record<string, string>;
  /** The user who created the row through a push (null for rows made by the server). */
  createdBy: string | null;
}

export interface MergeMutation {
  entity: string;
  row_id: string;
  account_id: string;
  op: 'upsert' | 'delete';
  fields: Record<string, unknown>;
  /** Already clamped by the server (never more than 5 minutes ahead of its clock). */
  hlc: string;
}

export interface MergeContext {
  callerId: string;
  /** The caller owns the account (a manager on a report's account does not). */
  callerOwnsAccount: boolean;
  /** The server's time, ISO: the tombstone time of a delete that names none. */
  nowIso: string;
}

export type MergeOutcome =
  | { status: 'rejected'; code: string; message: string }
  /**
   * `row` null: nothing to store (every field lost to a later write or already held the value).
   * `lost`: some field lost to a later write, so the device's own row now differs from the server's.
   */
  | { status: 'applied'; row: Record<string, unknown> | null; clocks: Record<string, string>; op: 'upsert' | 'delete'; createdBy: string | null; lost: boolean };

const reject = (code: string, message: string): MergeOutcome => ({ status: 'rejected', code, message });

const rowSchemas = new Map<EntityName, z.ZodType>();
function rowSchema(entity: EntityName): z.ZodType {
  let schema = rowSchemas.get(entity);
  if (!schema) {
    schema = z.object(ENTITIES[entity].columns).strict();
    rowSchemas.set(entity, schema);
  }
  return schema;
}

/** Merges `mutation` into `stored` (null: the server has no such row). Pure. */
export function mergeMutation(stored: StoredRow | null, mutation: MergeMutation, context: MergeContext): MergeOutcome {
  const { entity } = mutation;
  if (!isEntityName(entity)) return reject(REJECTION_CODES.unknownEntity, `Unknown entity ${JSON.stringify(entity).slice(0, 80)}`);
  const definition = ENTITIES[entity];
  if (definition.owner !== 'csm') return reject(REJECTION_CODES.serverOwned, `${entity} belong to the server; a device cannot change them`);
  const checked = parseFields(entity, mutation.fields);
  if (!checked.ok) return reject(REJECTION_CODES.invalidFields, checked.message);
  const fields = { ...checked.fields };
  if ('account_id' in fields && fields.account_id !== mutation.account_id) {
    return reject(REJECTION_CODES.accountMismatch, `${entity}.account_id ${JSON.stringify(fields.account_id)} is not the mutation's account ${mutation.account_id}`);
  }
  // The author is whoever pushes the row first: never taken from the device.
  if (definition.authorColumn) delete fields[definition.authorColumn];
  if (mutation.op === 'delete' && !('deleted_at' in fields && typeof fields.deleted_at === 'string')) fields.deleted_at = context.nowIso;

  if (stored) {
    if (stored.row.account_id !== mutation.account_id) {
      return reject(REJECTION_CODES.accountMismatch, `${entity} ${mutation.row_id} belongs to another account; a row cannot move`);
    }
    if (!context.callerOwnsAccount && stored.createdBy !== context.callerId) {
      return reject(REJECTION_CODES.notAuthor, `${entity} ${mutation.row_id} was written by someone else; only its author or the account's owner may change it`);
    }
  }

  const base: Record<string, unknown> = stored ? { ...stored.row } : newRowBase(entity, mutation, context);
  const clocks = { ...(stored?.clocks ?? {}) };
  let changed = !stored;
  let lost = false;
  for (const [column, value] of Object.entries(fields)) {
    const previous = clocks[column];
    if (stored && previous !== undefined && previous >= mutation.hlc) {
      if (previous > mutation.hlc && base[column] !== value) lost = true;
      continue;
    }
    clocks[column] = mutation.hlc;
    if (!stored || base[column] !== value) changed = true;
    base[column] = value;
  }

  const machine = definition.stateMachine;
  if (machine && stored) {
    const from = String(stored.row[machine.column]);
    const to = String(base[machine.column]);
    if (!transitionAllowed(entity, from, to)) return reject(REJECTION_CODES.invalidTransition, `${entity}.${machine.column} cannot go from ${from} to ${to}`);
  }
  const full = rowSchema(entity).safeParse(withoutKey(entity, base));
  if (!full.success) {
    const issue = full.error.issues[0];
    return reject(REJECTION_CODES.invalidFields, `${entity}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}${stored ? '' : ' (a new row needs every required field)'}`);
  }
  if (!changed) return { status: 'applied', row: null, clocks, op: mutation.op, createdBy: stored?.createdBy ?? null, lost };
  return { status: 'applied', row: base, clocks, op: base.deleted_at ? 'delete' : 'upsert', createdBy: stored ? stored.createdBy : context.callerId, lost };
}

/** A new row: its key, the author set from the caller, every other column null until a field fills it. */
function newRowBase(entity: EntityName, mutation: MergeMutation, context: MergeContext): Record<string, unknown> {
  const row: Record<string, unknown> = Object.fromEntries(entityColumnNames(entity).map((column) => [column, null]));
  row.id = mutation.row_id;
  row.account_id = mutation.account_id;
  const author = ENTITIES[entity].authorColumn;
  if (author) row[author] = context.callerId;
  return row;
}

function withoutKey(entity: EntityName, row: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...row };
  for (const column of ENTITIES[entity].key) delete copy[column];
  return copy;
}
