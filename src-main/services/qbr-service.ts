import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assembleAccountInputs } from '../../src-shared/domain/account-inputs';
import { scoreAccount } from '../../src-shared/domain/account-score';
import { accountSignals } from '../../src-shared/domain/account-signals';
import type { IpcRequest, IpcResponse } from '../../src-shared/ipc/contract';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { qbrSnapshotSchema } from '../../src-shared/ipc/qbr-schemas';
import { qbrDocument } from '../../src-shared/qbr/qbr-document';
import { buildQbrPack, qbrSnapshot, type QbrHealthPoint, type QbrPack, type QbrSnapshot } from '../../src-shared/qbr/qbr-pack';
import { renderQbrHtml } from '../qbr/qbr-html';
import { renderQbrPdf } from '../qbr/qbr-pdf';
import { addUtcDays, previousQuarterKey, quarterOfKey, utcIsoDay } from '../../src-shared/schedule/utc-date';
import { computeHealth } from '../../src-shared/scoring/health';
import { derivedId } from '../../src-shared/sync/derived-id';
import { AccountInputsRepository } from '../db/repositories/account-inputs-repository';
import { AccountPlanRepository } from '../db/repositories/account-plan-repository';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { QbrRepository, type QbrPlanRecord } from '../db/repositories/qbr-repository';
import { TouchpointsRepository } from '../db/repositories/touchpoints-repository';
import { requireAccount } from './require-account';
import type { ServiceContext } from './service-context';
import { requireMayChange } from './write-permission';

const WEEK_DAYS = 7;

/** "qbr-halcon-dynamics-2026-Q4.pdf": the account and quarter, in characters every file system takes. */
export function qbrFileName(accountName: string, quarter: string, extension: 'pdf' | 'html'): string {
  const slug = accountName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `qbr-${slug || 'account'}-${quarter}.${extension}`;
}

const toWirePlan = (plan: QbrPlanRecord | null) =>
  plan && { id: plan.id, accountId: plan.accountId, quarter: plan.quarter, nextPlan: plan.nextPlan, commentary: plan.commentary, exportedAt: plan.exportedAt, updatedAt: plan.updatedAt };

/** QBR packs (DESIGN §4.8) from the local store alone, and the CSM's plan and commentary for each. */
export class QbrService {
  private readonly accounts: AccountsRepository;
  private readonly inputs: AccountInputsRepository;
  private readonly plans: AccountPlanRepository;
  private readonly escalations: EscalationsRepository;
  private readonly qbr: QbrRepository;
  private readonly touchpoints: TouchpointsRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.accounts = new AccountsRepository(ctx.db);
    this.inputs = new AccountInputsRepository(ctx.db);
    this.plans = new AccountPlanRepository(ctx.db);
    this.escalations = new EscalationsRepository(ctx.db);
    this.qbr = new QbrRepository(ctx.db);
    this.touchpoints = new TouchpointsRepository(ctx.db);
  }

  pack(request: IpcRequest<'qbr.pack'>): IpcResponse<'qbr.pack'> {
    const { pack, plan } = this.build(request.accountId, request.quarter);
    return { pack, plan: toWirePlan(plan) };
  }

  /** The pack of an account and quarter and the CSM's stored plan for it. */
  private build(accountId: string, quarterKey: string): { pack: QbrPack; plan: QbrPlanRecord | null } {
    const account = requireAccount(this.accounts, accountId);
    const quarter = quarterOfKey(quarterKey);
    const now = this.ctx.now();
    if (quarter.start.getTime() > now.getTime()) throw new ServiceError('VALIDATION', `Quarter ${quarterKey} has not started yet`, 'quarter');
    const config = this.ctx.scoringConfig;
    const next = addUtcDays(quarter.lastDay, 1);
    // A quarter still running ends now: its figures are as they stand today.
    const end = new Date(Math.min(now.getTime(), next.getTime() - 1));
    const healthAt = (date: Date) => {
      const inputs = assembleAccountInputs(this.inputs.factsAt(account.id, date), date);
      return { health: computeHealth(inputs.health, config), inputs: inputs.health };
    };
    const endScore = scoreAccount(this.inputs.factsAt(account.id, end), null, account, end, config);
    const escalations = this.escalations.ofAccount(account.id);
    // The highest level open when the quarter ended (the list is newest first, not by level).
    const openAtEnd = escalations.filter((e) => Date.parse(e.openedAt) <= end.getTime() && (e.resolvedAt === null || Date.parse(e.resolvedAt) > end.getTime()));
    const maxOpenEscalationLevel = openAtEnd.length === 0 ? null : Math.max(...openAtEnd.map((e) => e.level));
    const signals = accountSignals(account, endScore.inputs, { tier: endScore.health.tier, riskBand: endScore.risk.band, maxOpenEscalationLevel }, end, config);
    const trend: QbrHealthPoint[] = [];
    for (let at = addUtcDays(quarter.start, WEEK_DAYS - 1); at.getTime() < end.getTime(); at = addUtcDays(at, WEEK_DAYS)) {
      const { health } = healthAt(at);
      trend.push({ date: utcIsoDay(at), score: health.score, tier: health.tier });
    }
    trend.push({ date: utcIsoDay(end), score: endScore.health.score, tier: endScore.health.tier });
    const from = quarter.start.toISOString();
    const pack = buildQbrPack({
      account,
      quarter: quarter.key,
      asOf: now.toISOString(),
      start: healthAt(quarter.start),
      end: { health: endScore.health, inputs: endScore.inputs.health, risk: endScore.risk, expansion: signals.expansion },
      trend,
      goals: this.plans.goals(account.id),
      touchpoints: this.touchpoints.doneBetween(account.id, from, next.toISOString()),
      escalations,
      surveys: this.qbr.surveysBetween(account.id, from, next.toISOString()),
      previous: this.previousSnapshot(account.id, quarter.key),
    });
    return { pack, plan: this.qbr.plan(account.id, quarter.key) };
  }

  /** The pack as a PDF or HTML download in the reader's language (see exportFile). */
  export(request: IpcRequest<'qbr.export'>): IpcResponse<'qbr.export'> {
    const file = this.exportFile(request);
    return { accountId: request.accountId, fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64'), exportedAt: file.exportedAt };
  }

  /** The same file written into the book's `qbr/QUARTER/` folder. */
  exportToFolder(request: IpcRequest<'qbr.exportToFolder'>): IpcResponse<'qbr.exportToFolder'> {
    const file = this.exportFile(request);
    const folder = this.folderOf(request.quarter);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, file.fileName);
    writeFileSync(path, file.bytes);
    return { accountId: request.accountId, fileName: file.fileName, path, exportedAt: file.exportedAt };
  }

  /** The active accounts whose QBR of the quarter is still to be held. */
  due(quarterKey: string): IpcResponse<'qbr.due'> {
    const quarter = quarterOfKey(quarterKey);
    const accounts = this.qbr.dueAccounts(quarter.key, quarter.start.toISOString(), addUtcDays(quarter.lastDay, 1).toISOString());
    return { quarter: quarter.key, folder: this.folderOf(quarter.key), accounts };
  }

  /**
   * The pack as a PDF or HTML file, built from the document the preview shows; its figures are
   * frozen into the account's QBR for the next quarter to compare with.
   */
  private exportFile(request: IpcRequest<'qbr.export'>): { fileName: string; mimeType: string; bytes: Buffer; exportedAt: string } {
    const { pack, plan } = this.build(request.accountId, request.quarter);
    const text = { nextPlan: plan?.nextPlan ?? '', commentary: plan?.commentary ?? '' };
    const doc = qbrDocument(pack, text, request.locale);
    const bytes = request.format === 'pdf' ? renderQbrPdf(doc, pack.asOf) : Buffer.from(renderQbrHtml(doc), 'utf8');
    const id = plan?.id ?? derivedId(`${request.accountId}:${request.quarter}`, 'qbr-plan');
    this.qbr.markExported(id, request.accountId, pack.quarter, JSON.stringify(qbrSnapshot(pack, text.nextPlan)), this.ctx.now());
    return {
      fileName: qbrFileName(pack.account.name, pack.quarter, request.format),
      mimeType: request.format === 'pdf' ? 'application/pdf' : 'text/html;charset=utf-8',
      bytes,
      exportedAt: pack.asOf,
    };
  }

  /** Where a quarter's packs are written: beside the store, so they stay with the book. */
  private folderOf(quarter: string): string {
    return join(dirname(this.ctx.db.name), 'qbr', quarter);
  }

  save(request: IpcRequest<'qbr.save'>): IpcResponse<'qbr.save'> {
    const account = requireAccount(this.accounts, request.accountId);
    requireMayChange(this.ctx.db, this.ctx.localUserId, { accountOwnerId: account.ownerId, authorId: null, what: 'This QBR' });
    // One row per account and quarter on every device: its id derives from both.
    const id = this.qbr.plan(account.id, request.quarter)?.id ?? derivedId(`${account.id}:${request.quarter}`, 'qbr-plan');
    this.qbr.savePlan(id, account.id, request.quarter, { nextPlan: request.nextPlan, commentary: request.commentary }, this.ctx.now());
    const plan = toWirePlan(this.qbr.plan(account.id, request.quarter));
    if (!plan) throw new Error(`QBR plan ${id} vanished right after it was written`);
    return { plan };
  }

  /** The previous quarter's exported figures; a snapshot that does not read back whole is left out. */
  private previousSnapshot(accountId: string, quarter: string): QbrSnapshot | null {
    const stored = this.qbr.plan(accountId, previousQuarterKey(quarter))?.snapshotJson;
    if (!stored) return null;
    try {
      const parsed = qbrSnapshotSchema.safeParse(JSON.parse(stored));
      return parsed.success ? (parsed.data as QbrSnapshot) : null;
    } catch {
      return null;
    }
  }
}
