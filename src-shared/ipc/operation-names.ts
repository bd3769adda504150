// Plain names, no zod: the sandboxed Electron preload imports this file and may not require packages.

/**
 * Operations about which book is open, its backups and the team-server session: they work even when
 * no store is open (signing in opens one).
 */
export const WORKSPACE_OPERATIONS = [
  'app.status',
  'app.openDemo',
  'app.reopen',
  'backups.list',
  'backups.create',
  'backups.restore',
  'sync.status',
  'sync.signIn',
  'sync.signOut',
  'sync.now',
  'sync.problems',
  'sync.exportProblems',
] as const;
export type WorkspaceOperationName = (typeof WORKSPACE_OPERATIONS)[number];

/** Every operation of the IPC contract; contract.ts checks it matches its keys exactly. */
export const IPC_OPERATION_NAMES = [
  'portfolio.list',
  'portfolio.rows',
  'account.detail',
  'today.overview',
  'notes.list',
  'notes.add',
  'notes.update',
  'notes.delete',
  'notes.search',
  'touchpoints.list',
  'touchpoints.complete',
  'touchpoints.reschedule',
  'touchpoints.create',
  'touchpoints.skip',
  'escalations.open',
  'escalations.change',
  'escalations.resolve',
  'escalations.ofAccount',
  'escalations.board',
  'plan.ofAccount',
  'goals.save',
  'onboarding.setItem',
  'account.timeline',
  'touchpoints.agenda',
  'touchpoints.ics',
  'sentiment.ofAccount',
  'sentiment.record',
  'qbr.pack',
  'qbr.save',
  'qbr.export',
  'qbr.exportToFolder',
  'qbr.due',
  'dashboard.view',
  'dashboard.accounts',
  ...WORKSPACE_OPERATIONS,
] as const;

export type IpcOperationName = (typeof IPC_OPERATION_NAMES)[number];

/** Operations that change stored data: after one succeeds main pushes `data.changed`. */
export const MUTATING_OPERATIONS: ReadonlySet<IpcOperationName> = new Set<IpcOperationName>([
  'notes.add',
  'notes.update',
  'notes.delete',
  'touchpoints.complete',
  'touchpoints.reschedule',
  'touchpoints.create',
  'touchpoints.skip',
  'escalations.open',
  'escalations.change',
  'escalations.resolve',
  'goals.save',
  'onboarding.setItem',
  'sentiment.record',
  'qbr.save',
  'qbr.export',
  'qbr.exportToFolder',
]);

/** True for the operations the workspace answers itself rather than the open store's services. */
export function isWorkspaceOperation(name: IpcOperationName): name is WorkspaceOperationName {
  return (WORKSPACE_OPERATIONS as readonly string[]).includes(name);
}

/** Payload of the `data.changed` push: which operation changed what, so views can refresh. */
export interface DataChangedEvent {
  /**
   * The local operation that wrote, `sync.pull` for changes a pull from the team server brought, or
   * `scores.history` when last week's scores were filled in (book-wide views compare with them).
   */
  operation: IpcOperationName | 'sync.pull' | 'scores.history';
  /** The accounts whose stored data changed, so views refresh just those. */
  accountIds: string[];
}

/** Push events main sends to the renderer. */
export const IPC_EVENTS = ['data.changed', 'app.status', 'sync.status'] as const;
export type IpcEvent = (typeof IPC_EVENTS)[number];

/** True when `name` is one of the contract's operations (guards the preload and the web shell). */
export function isIpcOperation(name: unknown): name is IpcOperationName {
  return typeof name === 'string' && (IPC_OPERATION_NAMES as readonly string[]).includes(name);
}
