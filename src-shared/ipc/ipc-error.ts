import { z } from 'zod';
import { storeProblemCodeSchema } from './app-status';

export const ipcErrorCodeSchema = z.enum([
  'VALIDATION',
  'UNKNOWN_OPERATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'INTERNAL',
  /** No book is open (first start, or a store problem the user must resolve first). */
  'STORE_UNAVAILABLE',
  ...storeProblemCodeSchema.options,
  /** Team server sign-in: wrong email or password. */
  'BAD_CREDENTIALS',
  /** Team server: too many sign-in attempts; try again later. */
  'RATE_LIMITED',
  /** Team server: no answer at that address (offline, wrong URL, server down). */
  'SERVER_UNREACHABLE',
  /** Team server: answered, but not as a CSM Workstation server does (a 5xx, a web page). */
  'SERVER_ERROR',
  /** Team server: this app's protocol or store version is outside what the server accepts. */
  'UPGRADE_REQUIRED',
  /** A manager's book: the row belongs to a report's account and someone else wrote it (the server refuses it too). */
  'READ_ONLY',
  /** Signing out would leave local changes the server has not acknowledged; `pending` says how many. */
  'UNSYNCED_CHANGES',
]);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

/** The structured error every IPC transport returns instead of throwing across the boundary. */
export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
  field: z.string().optional(),
  /** UNSYNCED_CHANGES: how many local changes have not reached the team server. */
  pending: z.number().int().nonnegative().optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/** An error a service throws on purpose; the IPC layer turns it into an IpcError. */
export class ServiceError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly field?: string,
    /** Extra facts for the caller (UNSYNCED_CHANGES carries the pending count). */
    readonly details: { pending?: number } = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** The IPC error shape of a ServiceError, with its field and details when it has them. */
export function serviceErrorToIpc(error: ServiceError): IpcError {
  return {
    code: error.code,
    message: error.message,
    ...(error.field ? { field: error.field } : {}),
    ...(error.details.pending === undefined ? {} : { pending: error.details.pending }),
  };
}

/** Turns a zod issue path into the dotted field name users and tests see ("payload.accountId"). */
export function fieldFromPath(path: ReadonlyArray<PropertyKey>): string | undefined {
  return path.length ? path.map(String).join('.') : undefined;
}
