// Plain names, no zod: the sandboxed Electron preload imports this file and may not require packages.

/** Every operation of the IPC contract; contract.ts checks it matches its keys exactly. */
export const IPC_OPERATION_NAMES = [
  'portfolio.list',
  'account.detail',
  'notes.list',
  'notes.add',
  'notes.search',
  'touchpoints.list',
  'touchpoints.complete',
  'touchpoints.reschedule',
] as const;

export type IpcOperationName = (typeof IPC_OPERATION_NAMES)[number];

/** Operations that change stored data: after one succeeds main pushes `data.changed`. */
export const MUTATING_OPERATIONS: ReadonlySet<IpcOperationName> = new Set<IpcOperationName>([
  'notes.add',
  'touchpoints.complete',
  'touchpoints.reschedule',
]);

/** Payload of the `data.changed` push: which operation changed what, so views can refresh. */
export interface DataChangedEvent {
  operation: IpcOperationName;
  accountId: string | null;
}

/** Push events main sends to the renderer. */
export const IPC_EVENTS = ['data.changed', 'sync.status'] as const;
export type IpcEvent = (typeof IPC_EVENTS)[number];

/** True when `name` is one of the contract's operations (guards the preload and the web shell). */
export function isIpcOperation(name: unknown): name is IpcOperationName {
  return typeof name === 'string' && (IPC_OPERATION_NAMES as readonly string[]).includes(name);
}
