import { z } from 'zod';

/**
 * What the window chrome and Settings show about sync (DESIGN §3, issue 7 C.12-13): pushed to the
 * renderer as the `sync.status` event and answered by the `sync.status` operation.
 */
export const syncPhaseSchema = z.enum([
  /** No team server: the book is local only (or the demo book, which is never synced). */
  'signed-out',
  /** Signed in, the server cannot be reached; changes wait in the outbox. */
  'offline',
  'syncing',
  /** Caught up as of `lastSyncedAt` (cursor at head, empty outbox) or waiting for the next round. */
  'idle',
  /** The server refused us for a reason a retry will not fix (token revoked, upgrade required). */
  'error',
]);
export type SyncPhase = z.infer<typeof syncPhaseSchema>;

export const syncUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(['csm', 'manager', 'admin']) });

export const syncStatusSchema = z.object({
  phase: syncPhaseSchema,
  serverUrl: z.string().nullable(),
  user: syncUserSchema.nullable(),
  /** Local changes not yet acknowledged by the server. */
  pending: z.number().int().nonnegative(),
  /** Changes the server refused for good; listed by `sync.problems`. */
  rejected: z.number().int().nonnegative(),
  lastSyncedAt: z.string().nullable(),
  /** The last failure, with the server's stable code when it gave one. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A mutation the server refused for good: kept on the device, visible, exportable (never silently dropped). */
export const syncProblemSchema = z.object({
  mutationId: z.number().int(),
  entity: z.string(),
  rowId: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  op: z.enum(['upsert', 'delete']),
  fields: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  code: z.string(),
  message: z.string(),
});
export type SyncProblem = z.infer<typeof syncProblemSchema>;

export const SIGNED_OUT_STATUS: SyncStatus = {
  phase: 'signed-out',
  serverUrl: null,
  user: null,
  pending: 0,
  rejected: 0,
  lastSyncedAt: null,
  error: null,
};
