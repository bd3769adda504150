import type { z } from 'zod';
import {
  ipcContract,
  isIpcOperation,
  type IpcContract,
  type IpcOperation,
  type IpcResponse,
} from '../../src-shared/ipc/contract';
import type { StoreProblemCode } from '../../src-shared/ipc/app-status';
import { fieldFromPath, ServiceError, type IpcError, type IpcResult } from '../../src-shared/ipc/ipc-error';
import {
  isWorkspaceOperation,
  MUTATING_OPERATIONS,
  type DataChangedEvent,
  type WorkspaceOperationName,
} from '../../src-shared/ipc/operation-names';
import { storeErrorMessage, storeProblemOf } from '../db/store-errors';
import { NotesService } from '../services/notes-service';
import { AccountService } from '../services/account-service';
import { TodayService } from '../services/today-service';
import { EscalationsService } from '../services/escalations-service';
import { AccountPlanService } from '../services/account-plan-service';
import { CsmSentimentService } from '../services/csm-sentiment-service';
import { QbrService } from '../services/qbr-service';
import { DashboardService } from '../services/dashboard-service';
import { AgendaService } from '../services/agenda-service';
import { PortfolioService } from '../services/portfolio-service';
import type { ServiceContext } from '../services/service-context';
import { TouchpointsService } from '../services/touchpoints-service';

/** Operations the open store's services answer; the workspace answers the rest (app.*, backups.*). */
export type StoreOperation = Exclude<IpcOperation, WorkspaceOperationName>;

type Handlers = {
  [Op in StoreOperation]: (request: z.output<IpcContract[Op]['request']>) => IpcResponse<Op>;
};

export type IpcDispatch = (operation: unknown, payload: unknown) => IpcResult<unknown>;

function createHandlers(ctx: ServiceContext): Handlers {
  const portfolio = new PortfolioService(ctx);
  const accounts = new AccountService(ctx);
  const today = new TodayService(ctx);
  const escalations = new EscalationsService(ctx);
  const plan = new AccountPlanService(ctx);
  const agenda = new AgendaService(ctx);
  const sentiment = new CsmSentimentService(ctx);
  const qbr = new QbrService(ctx);
  const dashboards = new DashboardService(ctx);
  const notes = new NotesService(ctx);
  const touchpoints = new TouchpointsService(ctx);
  return {
    'portfolio.list': () => portfolio.list(),
    'portfolio.rows': (request) => portfolio.rows(request.accountIds),
    'account.detail': (request) => accounts.detail(request.accountId),
    'today.overview': () => today.overview(),
    'notes.list': (request) => notes.list(request),
    'notes.add': (request) => notes.add(request),
    'notes.update': (request) => notes.update(request),
    'notes.delete': (request) => notes.delete(request),
    'notes.search': (request) => notes.search(request),
    'touchpoints.list': (request) => touchpoints.list(request),
    'touchpoints.complete': (request) => touchpoints.complete(request),
    'touchpoints.reschedule': (request) => touchpoints.reschedule(request),
    'touchpoints.create': (request) => touchpoints.create(request),
    'touchpoints.skip': (request) => touchpoints.skip(request),
    'escalations.open': (request) => escalations.open(request),
    'escalations.change': (request) => escalations.change(request),
    'escalations.resolve': (request) => escalations.resolve(request),
    'escalations.ofAccount': (request) => escalations.ofAccount(request.accountId),
    'escalations.board': () => escalations.board(),
    'plan.ofAccount': (request) => plan.ofAccount(request.accountId),
    'goals.save': (request) => plan.saveGoal(request),
    'onboarding.setItem': (request) => plan.setChecklistItem(request),
    'account.timeline': (request) => accounts.timeline(request.accountId, request.limit),
    'touchpoints.agenda': (request) => agenda.agenda(request),
    'touchpoints.ics': (request) => agenda.ics(request),
    'sentiment.ofAccount': (request) => sentiment.ofAccount(request.accountId),
    'sentiment.record': (request) => sentiment.record(request),
    'qbr.pack': (request) => qbr.pack(request),
    'qbr.save': (request) => qbr.save(request),
    'qbr.export': (request) => qbr.export(request),
    'qbr.exportToFolder': (request) => qbr.exportToFolder(request),
    'qbr.due': (request) => qbr.due(request.quarter),
    'dashboard.view': (request) => dashboards.view(request),
    'dashboard.accounts': (request) => dashboards.accounts(request),
  };
}

export interface DispatcherOptions {
  /** Check responses against the contract too (on in tests; costs a few ms on large lists). */
  validateResponses?: boolean;
  log?: (message: string, error: unknown) => void;
  /** Called after a write succeeded; the transports push it to every open window or tab. */
  onDataChanged?: (event: DataChangedEvent) => void;
  /** Called when SQLite reports the store damaged, read-only, full or busy (the workspace decides what follows). */
  onStoreProblem?: (code: StoreProblemCode, error: unknown) => void;
}

/** The account a write touched, read from its result, so other views know what to refresh. */
function changedAccountIds(data: unknown): string[] {
  type Scoped = { accountId?: string } | undefined;
  const record = data as { note?: Scoped; touchpoint?: Scoped; escalation?: Scoped; goal?: Scoped; sentiment?: Scoped; plan?: Scoped; accountId?: string };
  const accountId = record.note?.accountId ?? record.touchpoint?.accountId ?? record.escalation?.accountId ?? record.goal?.accountId ?? record.sentiment?.accountId ?? record.plan?.accountId ?? record.accountId;
  return accountId ? [accountId] : [];
}

/** A request that passed the contract: the operation and its parsed payload. */
export interface ParsedRequest {
  operation: IpcOperation;
  request: unknown;
}

/**
 * Checks an operation name and payload against the contract before anything acts on them: only
 * contract names, and a payload that fails its schema gets a VALIDATION error naming the field.
 */
export function parseIpcRequest(operation: unknown, payload: unknown): { ok: true; parsed: ParsedRequest } | { ok: false; error: IpcError } {
  if (!isIpcOperation(operation)) {
    return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown operation "${String(operation)}"` } };
  }
  const parsed = ipcContract[operation].request.safeParse(payload ?? {});
  if (parsed.success) return { ok: true, parsed: { operation, request: parsed.data } };
  const issue = parsed.error.issues[0];
  // An unknown key has an empty path; name the key itself so the caller sees what to remove.
  const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue ? fieldFromPath(issue.path) : undefined;
  return {
    ok: false,
    error: {
      code: 'VALIDATION',
      message: `${operation}: ${field ? `${field}: ` : ''}${issue?.message ?? 'invalid payload'}`,
      ...(field ? { field } : {}),
    },
  };
}

/** Answers a request that already passed the contract; never throws. */
export type ParsedDispatch = (parsed: ParsedRequest) => IpcResult<unknown>;

/**
 * The store's services behind the contract: runs a checked request and turns every failure into a
 * structured `{ code, message, field }` instead of an exception.
 */
export function createRequestHandler(ctx: ServiceContext, options: DispatcherOptions = {}): ParsedDispatch {
  const handlers = createHandlers(ctx);
  const log = options.log ?? ((message, error) => console.error(message, error));
  return ({ operation, request }) => {
    if (isWorkspaceOperation(operation)) {
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `${operation} is answered by the workspace, not the store` } };
    }
    try {
      const handler = handlers[operation] as (request: unknown) => unknown;
      const data = handler(request);
      if (options.validateResponses) ipcContract[operation].response.parse(data);
      if (MUTATING_OPERATIONS.has(operation)) options.onDataChanged?.({ operation, accountIds: changedAccountIds(data) });
      return { ok: true, data };
    } catch (error) {
      if (error instanceof ServiceError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
      }
      const storeProblem = storeProblemOf(error);
      if (storeProblem) {
        options.onStoreProblem?.(storeProblem, error);
        return { ok: false, error: { code: storeProblem, message: `${operation}: ${storeErrorMessage(storeProblem)}` } };
      }
      log(`IPC ${operation} failed`, error);
      return { ok: false, error: { code: 'INTERNAL', message: `${operation} failed unexpectedly; nothing was changed` } };
    }
  };
}

/**
 * The contract check and the store's services in one call: accepts only contract names and
 * validates the payload before any service sees it (tests and tools that hold a store directly).
 */
export function createIpcDispatcher(ctx: ServiceContext, options: DispatcherOptions = {}): IpcDispatch {
  return withContractCheck(createRequestHandler(ctx, options));
}

/** A handler of checked requests behind the contract check. */
export function withContractCheck(handle: ParsedDispatch): IpcDispatch {
  return (operationName, payload) => {
    const checked = parseIpcRequest(operationName, payload);
    return checked.ok ? handle(checked.parsed) : checked;
  };
}
