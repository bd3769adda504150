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
]);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

/** The structured error every IPC transport returns instead of throwing across the boundary. */
export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
  field: z.string().optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/** An error a service throws on purpose; the IPC layer turns it into an IpcError. */
export class ServiceError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Turns a zod issue path into the dotted field name users and tests see ("payload.accountId"). */
export function fieldFromPath(path: ReadonlyArray<PropertyKey>): string | undefined {
  return path.length ? path.map(String).join('.') : undefined;
}
