import { z } from 'zod';

/**
 * The synced entities of DESIGN §2-§3 in one place: each table's columns with their wire type, who
 * owns it, how a row finds the account that scopes it, which column the server sets from the caller,
 * and the state machine of its status where it has one. The outbox, pull-apply, the server's tables
 * and push validation read this registry rather than lists of their own.
 */

/** Who may write an entity: the server alone, or the CSMs (on their own accounts). */
export type EntityOwner = 'server' | 'csm';

export interface EntityDefinition {
  owner: EntityOwner;
  /** Primary-key columns; `fields` never carry them (the row id travels as `row_id`). */
  key: readonly string[];
  /** The column naming the account a row belongs to (its scope); null for team-wide rows. */
  scopeColumn: string | null;
  /** A column the server fills from the caller (author, actor), never taken from `fields`. */
  authorColumn: string | null;
  /** Every synced column but the key, with its wire type (values as stored: 0/1 flags, ISO text). */
  columns: Readonly<Record<string, z.ZodType>>;
  /** Allowed moves of the status column: a change outside them is refused. */
  stateMachine?: { column: string; transitions: Readonly<Record<string, readonly string[]>> };
}

const text = z.string().max(100_000);
const optionalText = text.nullable();
const id = z.string().min(1).max(64);
const optionalId = id.nullable();
const instant = z.string().min(10).max(40);
const optionalInstant = instant.nullable();
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const flag = z.union([z.literal(0), z.literal(1)]);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

/** Columns every entity row carries for its life cycle. */
const stamps = { created_at: instant, updated_at: instant, deleted_at: optionalInstant };

const csmEntity = (
  columns: Record<string, z.ZodType>,
  extra: Partial<Omit<EntityDefinition, 'owner'>> = {},
  lifeCycle: Record<string, z.ZodType> = stamps,
): EntityDefinition & { owner: 'csm' } => ({
  key: ['id'],
  scopeColumn: 'account_id',
  authorColumn: null,
  columns: { account_id: id, ...lifeCycle, ...columns },
  ...extra,
  owner: 'csm',
});

const serverEntity = (columns: Record<string, z.ZodType>, extra: Partial<Omit<EntityDefinition, 'owner'>> = {}): EntityDefinition & { owner: 'server' } => ({
  key: ['id'],
  scopeColumn: 'account_id',
  authorColumn: null,
  columns,
  ...extra,
  owner: 'server',
});

export const ENTITIES = {
  notes: csmEntity(
    { touchpoint_id: optionalId, author_id: optionalId, body: text },
    { authorColumn: 'author_id' },
  ),
  touchpoints: csmEntity(
    {
      kind: oneOf(['call', 'meeting', 'email', 'qbr', 'onboarding', 'renewal', 'upsell', 'check_in']),
      origin: oneOf(['cadence', 'onboarding', 'renewal', 'upsell', 'manual']),
      title: z.string().min(1).max(500),
      due_at: instant,
      completed_at: optionalInstant,
      status: oneOf(['planned', 'done', 'skipped', 'cancelled']),
      outcome: optionalText,
      sentiment: oneOf(['positive', 'neutral', 'negative']).nullable(),
      // Who the touchpoint is with; added in schema 8, so last (an ALTER TABLE appends it).
      contact_id: optionalId,
    },
    { stateMachine: { column: 'status', transitions: { planned: ['done', 'skipped', 'cancelled'], done: [], skipped: [], cancelled: [] } } },
  ),
  escalations: csmEntity(
    {
      level: int(1, 5),
      reason: z.string().min(1).max(2000),
      severity: oneOf(['low', 'medium', 'high', 'critical']),
      status: oneOf(['open', 'resolved']),
      owner_id: optionalId,
      opened_at: instant,
      resolved_at: optionalInstant,
    },
    { stateMachine: { column: 'status', transitions: { open: ['resolved'], resolved: ['open'] } } },
  ),
  // An escalation's history: events are appended, never edited, so they carry only their own time.
  escalation_events: csmEntity(
    { escalation_id: id, actor_id: optionalId, at: instant, from_level: int(1, 5).nullable(), to_level: int(1, 5), why: z.string().min(1).max(2000) },
    { authorColumn: 'actor_id' },
    { deleted_at: optionalInstant },
  ),
  // The CSM's own read of an account beside the computed score: each judgement is a new row, so
  // the account keeps its history and the newest row is the current one.
  csm_sentiments: csmEntity(
    { author_id: optionalId, rating: oneOf(['red', 'amber', 'green']), reason: z.string().min(1).max(2000), at: instant },
    { authorColumn: 'author_id' },
    { deleted_at: optionalInstant },
  ),
  // A quarterly business review the CSM prepares: one row per account and quarter (its id derives
  // from both, so two devices make one), with the plan and commentary they write, and the pack's
  // figures frozen as JSON when it was exported (the next QBR compares against them).
  qbr_plans: csmEntity({
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter like 2026-Q4'),
    next_plan: z.string().max(20_000),
    commentary: z.string().max(20_000),
    snapshot_json: z.string().max(100_000).nullable(),
    exported_at: optionalInstant,
  }),
  goals: csmEntity({
    title: z.string().min(1).max(500),
    target: optionalText,
    due_at: optionalInstant,
    status: oneOf(['not_started', 'in_progress', 'done', 'missed']),
    progress: int(0, 100),
    completed_at: optionalInstant,
  }),
  onboarding_items: csmEntity({ item_key: z.string().min(1).max(100), phase: oneOf(['preparation', 'go_live', 'optimization']), done_at: optionalInstant }),
  feedback: csmEntity({
    category: z.string().min(1).max(200),
    sentiment: oneOf(['positive', 'neutral', 'negative']),
    priority: oneOf(['low', 'medium', 'high']),
    status: oneOf(['new', 'reviewed', 'planned', 'done', 'declined']),
    body: text,
  }),
  users: serverEntity(
    { email: z.string().min(3).max(320), name: z.string().min(1).max(200), role: oneOf(['csm', 'manager', 'admin']), manager_id: optionalId, ...stamps },
    { scopeColumn: null },
  ),
  accounts: serverEntity(
    {
      name: z.string().min(1).max(200),
      domain: optionalText,
      industry: optionalText,
      plan: oneOf(['starter', 'professional', 'enterprise']),
      arr: int(0, Number.MAX_SAFE_INTEGER),
      seats: int(0, Number.MAX_SAFE_INTEGER),
      seats_used: int(0, Number.MAX_SAFE_INTEGER),
      plan_feature_count: int(1, Number.MAX_SAFE_INTEGER),
      volume_limit: int(1, Number.MAX_SAFE_INTEGER),
      contract_start: instant,
      renewal_date: instant,
      renewals_count: int(0, 10_000),
      lifecycle_stage: oneOf(['onboarding', 'adoption', 'growth', 'renewal', 'churned']),
      owner_id: optionalId,
      status: oneOf(['active', 'churned']),
      churned_at: optionalInstant,
      competitor_evaluation: flag,
      payment_overdue_days: int(0, 100_000),
      ...stamps,
    },
    { scopeColumn: 'id' },
  ),
  contacts: serverEntity({
    account_id: id,
    name: z.string().min(1).max(200),
    email: optionalText,
    role: optionalText,
    is_champion: flag,
    departed_at: optionalInstant,
    certification_level: int(0, 3),
    ...stamps,
  }),
  metrics: serverEntity(
    { value: z.number().finite(), deleted_at: optionalInstant },
    { key: ['account_id', 'key', 'date'] },
  ),
  surveys: serverEntity({
    account_id: id,
    contact_id: optionalId,
    kind: oneOf(['nps', 'csat', 'ces']),
    score: int(0, 10),
    answered_at: instant,
    comment: optionalText,
    deleted_at: optionalInstant,
  }),
  scoring_config: serverEntity({ config_json: z.string().max(100_000), updated_at: instant }, { scopeColumn: null }),
} as const satisfies Record<string, EntityDefinition>;

export type EntityName = keyof typeof ENTITIES;
/** The entities a CSM's device may push (DESIGN §2 ownership). */
export type ClientEntityName = { [K in EntityName]: (typeof ENTITIES)[K]['owner'] extends 'csm' ? K : never }[EntityName];

/** True for an entity the registry knows. */
export function isEntityName(name: unknown): name is EntityName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ENTITIES, name);
}

const columnNames = new Map<EntityName, readonly string[]>();

/** Every synced column of an entity, key columns first, then the registry's columns in its order. */
export function entityColumnNames(entity: EntityName): readonly string[] {
  let columns = columnNames.get(entity);
  if (!columns) {
    columns = Object.freeze([...ENTITIES[entity].key, ...Object.keys(ENTITIES[entity].columns)]);
    columnNames.set(entity, columns);
  }
  return columns;
}

const fieldSchemas = new Map<EntityName, z.ZodType<Record<string, unknown>>>();

/** The schema of a mutation's `fields` for an entity: any subset of its columns, nothing else. */
export function fieldsSchema(entity: EntityName): z.ZodType<Record<string, unknown>> {
  let schema = fieldSchemas.get(entity);
  if (!schema) {
    schema = z.object(ENTITIES[entity].columns).partial().strict() as unknown as z.ZodType<Record<string, unknown>>;
    fieldSchemas.set(entity, schema);
  }
  return schema;
}

/** Checks a mutation's fields against its entity; the error names the column and the problem. */
export function parseFields(
  entity: EntityName,
  fields: unknown,
): { ok: true; fields: Record<string, unknown> } | { ok: false; field: string | undefined; message: string } {
  const parsed = fieldsSchema(entity).safeParse(fields);
  if (parsed.success) return { ok: true, fields: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue?.path.map(String).join('.') || undefined;
  return { ok: false, field, message: `${entity}${field ? `.${field}` : ''}: ${issue?.message ?? 'invalid fields'}` };
}

/** True when the entity's state machine allows moving its status from `from` to `to` (or it has none). */
export function transitionAllowed(entity: EntityName, from: string, to: string): boolean {
  const machine = (ENTITIES[entity] as EntityDefinition).stateMachine;
  if (!machine || from === to) return true;
  return machine.transitions[from]?.includes(to) ?? false;
}
