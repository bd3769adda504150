import { z } from 'zod';

/**
 * Request and answer shapes of push, pull and the poke channel (DESIGN §3 "Wire shapes"), shared by
 * the server (validation) and the client sync engine (what it sends and reads). Field names are
 * part of the protocol: change only by addition.
 */

/** Most mutations one push may carry; a client sends its outbox in batches of at most this many. */
export const MAX_PUSH_MUTATIONS = 500;
/** Largest page a pull serves (`limit` above it is lowered to it); the default when none is given. */
export const MAX_PULL_LIMIT = 10000;
export const DEFAULT_PULL_LIMIT = 1000;

/** `<wall ms, 15 digits>-<counter, 6 digits>-<client_id>`: string order is clock order. */
export const hlcSchema = z.string().regex(/^\d{15}-\d{6}-[A-Za-z0-9_-]{1,64}$/, 'not an HLC stamp (<15 digits>-<6 digits>-<client id>)');
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only, at most 64');
const versionSchema = z.number().int().min(0).max(1_000_000);

export const mutationSchema = z.strictObject({
  id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  entity: z.string().min(1).max(64),
  row_id: z.string().min(1).max(300),
  account_id: z.string().min(1).max(64),
  op: z.enum(['upsert', 'delete']),
  // Checked per entity against the registry when applied: a bad value rejects that mutation only.
  fields: z.record(z.string().max(64), z.unknown()),
  hlc: hlcSchema,
});
export type WireMutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  protocol: versionSchema,
  schema: versionSchema,
  client_id: clientIdSchema,
  mutations: z.array(mutationSchema).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why the server refused a mutation for good; the client keeps it visible with this code. */
export const REJECTION_CODES = {
  unknownEntity: 'UNKNOWN_ENTITY',
  serverOwned: 'SERVER_OWNED',
  invalidFields: 'INVALID_FIELDS',
  outOfScope: 'OUT_OF_SCOPE',
  accountMismatch: 'ACCOUNT_MISMATCH',
  notAuthor: 'NOT_AUTHOR',
  invalidTransition: 'INVALID_TRANSITION',
} as const;

export interface MutationResult {
  id: number;
  status: 'applied' | 'rejected';
  code?: string;
  message?: string;
  /**
   * For a refusal, what becomes of the device's own copy of the row: `resend`, the server logged its
   * version again and the next pull puts it back; `drop`, the server has no such row on that account
   * and the device removes its local one. The refused mutation stays listed either way.
   */
  resolution?: 'resend' | 'drop';
}

export interface PushResponse {
  last_mutation_id: number;
  results: MutationResult[];
}

export interface WireChange {
  seq: number;
  entity: string;
  row_id: string;
  account_id: string | null;
  op: 'upsert' | 'delete';
  fields: Record<string, unknown>;
  /** The newest HLC among the row's fields (absent for rows only the server wrote): a device's clock moves past it, so an edit made after seeing this change wins over it. */
  hlc?: string;
}

export interface PullResponse {
  changes: WireChange[];
  scope: { added: string[]; removed: string[] };
  cursor: number;
  head: number;
  has_more: boolean;
  last_mutation_id: number;
}

export const pullQuerySchema = z.strictObject({
  client_id: clientIdSchema,
  cursor: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  limit: z.coerce.number().int().min(1).max(1_000_000).optional(),
  // Optional on GET (the wire shape of DESIGN §3 names only the three above); checked when given.
  protocol: z.coerce.number().int().min(0).max(1_000_000).optional(),
  schema: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

/** Codes of whole-request refusals of the sync endpoints. */
export const SYNC_ERROR_CODES = {
  mutationGap: 'MUTATION_GAP',
  upgradeRequired: 'UPGRADE_REQUIRED',
  resyncRequired: 'RESYNC_REQUIRED',
  clientMismatch: 'CLIENT_MISMATCH',
  transient: 'TRANSIENT',
} as const;

/** The poke channel's message: the server's head moved. */
export interface PokeMessage {
  head: number;
}
