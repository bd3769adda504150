import { z } from 'zod';
import { DASHBOARDS } from '../dashboards/dashboard-model';
import { riskBandSchema, tierSchema } from '../domain/entities';

const dashboardName = z.enum(DASHBOARDS);
const key = z.string().min(1, 'must not be empty').max(100);
const params = z.record(z.string(), z.union([z.string(), z.number()])).optional();
const label = z.union([
  z.object({ key: z.string(), params }),
  z.object({ tier: tierSchema }),
  z.object({ band: riskBandSchema }),
  z.object({ month: z.string() }),
  z.object({ week: z.string() }),
  z.object({ text: z.string() }),
]);
const unit = z.enum(['count', 'currency', 'percent', 'score', 'decimal', 'coefficient']);
const target = z.enum(['nps', 'csat', 'ces', 'monthly_churn', 'renewal_rate', 'cohort_m1', 'cohort_m3', 'cohort_m6', 'cohort_m12']);

/** dashboards/dashboard-model.ts Dashboard on the wire (without the account ids behind each value). */
export const dashboardSchema = z.object({
  name: dashboardName,
  asOf: z.string(),
  kpis: z.array(z.object({ id: z.string(), unit, value: z.number().nullable(), n: z.number().int(), target: target.optional() })),
  figures: z.array(z.object({
    id: z.string(),
    chart: z.enum(['bar', 'stackedBar', 'horizontalBar', 'line', 'table']),
    categories: z.array(z.object({ key: z.string(), label })),
    series: z.array(z.object({ key: z.string(), label, unit, values: z.array(z.number().nullable()) })),
    target: target.optional(),
    unavailable: z.object({ key: z.string(), params }).optional(),
  })),
});

/** Which value's accounts to list: a KPI, or one value of a figure (its series and category). */
export const drillTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kpi'), id: key }).strict(),
  z.object({ kind: z.literal('figure'), id: key, series: key, category: key }).strict(),
]);

const drillAccount = z.object({
  id: z.string(),
  name: z.string(),
  arr: z.number(),
  status: z.enum(['active', 'churned']),
  ownerName: z.string().nullable(),
  health: z.number().nullable(),
  tier: tierSchema,
  riskBand: riskBandSchema,
  renewalDate: z.string(),
});

/** Portfolio dashboards (DESIGN §4.7, issue 9), computed from the local store alone. */
export const dashboardContract = {
  /** One dashboard's figures as of now. */
  'dashboard.view': {
    request: z.object({ name: dashboardName }).strict(),
    response: dashboardSchema,
  },
  /** The accounts behind one figure's value: the ones it was counted from, by name. */
  'dashboard.accounts': {
    request: z.object({ name: dashboardName, target: drillTargetSchema }).strict(),
    response: z.object({ asOf: z.string(), accounts: z.array(drillAccount) }),
  },
} as const;
