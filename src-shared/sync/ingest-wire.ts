import { z } from 'zod';
import { METRIC_KEYS } from '../domain/account-inputs';

/** `POST /v1/ingest/metrics`: usage data from an integration (issue 7 B.10). */

/** Most values one ingest request may carry. */
export const MAX_INGEST_METRICS = 10_000;

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar day YYYY-MM-DD')
  .refine((day) => new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'is not a real calendar day');

export const ingestMetricSchema = z.strictObject({
  account_id: z.string().min(1).max(64),
  date: calendarDay,
  key: z.string().refine((key) => METRIC_KEYS.includes(key), { message: `is not a metric key the engine reads (${METRIC_KEYS.join(', ')})` }),
  value: z.number().finite(),
});

export const ingestMetricsRequestSchema = z.strictObject({
  metrics: z.array(ingestMetricSchema).min(1).max(MAX_INGEST_METRICS),
});
export type IngestMetricsRequest = z.infer<typeof ingestMetricsRequestSchema>;

export interface IngestMetricsResponse {
  /** Values in the request. */
  received: number;
  /** Values that were new or different (a repeated request changes nothing). */
  changed: number;
  head: number;
}
