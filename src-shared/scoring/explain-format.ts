import type { Locale } from './labels';
import type { CurvePoints } from './scoring-config';
import type { HealthMetricKey, RiskSignal, RiskSignalKey } from './types';

/** Up to 2 decimals, no trailing zeros, decimal comma in Spanish; no grouping, so output is stable. */
export function formatNumber(n: number, locale: Locale): string {
  const text = String(Math.round(n * 100) / 100);
  return locale === 'es' ? text.replace('.', ',') : text;
}

/** A metric's input with its unit ("1.5 per week", "45% of the limit"). */
const METRIC_UNITS: Record<Locale, Record<HealthMetricKey, (v: string) => string>> = {
  en: {
    login_frequency: (v) => `${v} per week`,
    feature_adoption: (v) => `${v}% of features`,
    data_volume: (v) => `${v}% of the limit`,
    api_calls: (v) => `${v}× the previous 30 days`,
    support_tickets: (v) => `${v} in 30 days`,
    training_sessions: (v) => `${v} in 90 days`,
    feedback_participation: (v) => `${v}% of surveys answered`,
    community_engagement: (v) => `${v} ${v === '1' ? 'post or webinar' : 'posts or webinars'} in 90 days`,
    roi_achievement: (v) => `${v}% of target`,
    goal_completion: (v) => `${v}% of goals`,
    revenue_impact: (v) => `${v}% of target`,
    cost_savings: (v) => `${v}% of target`,
  },
  es: {
    login_frequency: (v) => `${v} por semana`,
    feature_adoption: (v) => `${v}% de las funcionalidades`,
    data_volume: (v) => `${v}% del límite`,
    api_calls: (v) => `${v}× los 30 días anteriores`,
    support_tickets: (v) => `${v} en 30 días`,
    training_sessions: (v) => `${v} en 90 días`,
    feedback_participation: (v) => `${v}% de encuestas respondidas`,
    community_engagement: (v) => `${v} ${v === '1' ? 'publicación o webinar' : 'publicaciones o webinars'} en 90 días`,
    roi_achievement: (v) => `${v}% del objetivo`,
    goal_completion: (v) => `${v}% de los objetivos`,
    revenue_impact: (v) => `${v}% del objetivo`,
    cost_savings: (v) => `${v}% del objetivo`,
  },
};

export function formatMetricInput(key: HealthMetricKey, value: number, locale: Locale): string {
  return METRIC_UNITS[locale][key](formatNumber(value, locale));
}

export interface CurveTarget {
  min: number;
  /** null = "or more" (no upper end). */
  max: number | null;
}

/**
 * The input range a CSM should aim for, read off the curve so it follows admin edits:
 * - a plateau at the top score (support_tickets 1..3) is the target itself;
 * - otherwise the top segment, from the point before the first top-score point to it
 *   (login_frequency 3 to 5, feature_adoption 80 to 90);
 * - a two-point straight line (business metrics 0→100) targets its end point "or more".
 */
export function curveTarget(curve: CurvePoints): CurveTarget {
  const top = Math.max(...curve.map(([, y]) => y));
  const first = curve.findIndex(([, y]) => y === top);
  let last = first;
  while (curve[last + 1]?.[1] === top) last += 1;
  const firstX = curve[first]?.[0] ?? 0;
  const lastX = curve[last]?.[0] ?? firstX;
  const isEnd = last === curve.length - 1;
  if (last > first) return { min: firstX, max: isEnd ? null : lastX };
  if (curve.length <= 2 || first === 0) return { min: firstX, max: null };
  return { min: curve[first - 1]?.[0] ?? firstX, max: firstX };
}

export function formatTarget(t: CurveTarget, locale: Locale): string {
  const min = formatNumber(t.min, locale);
  if (t.max === null) return locale === 'es' ? `${min} o más` : `${min} or more`;
  const max = formatNumber(t.max, locale);
  return locale === 'es' ? `de ${min} a ${max}` : `${min} to ${max}`;
}

type SignalText = (value: string, threshold: string) => string;

/** One evidence sentence per risk signal; usage_decline value/threshold arrive as percentages. */
export const SIGNAL_SENTENCES: Record<Locale, Record<RiskSignalKey, SignalText>> = {
  en: {
    low_sessions: (v, t) => `Sessions per user per week at ${v} (below ${t})`,
    low_time: (v, t) => `Hours in the product per user per week at ${v} (below ${t})`,
    few_features: (v, t) => `Distinct features used in the last 30 days: ${v} (below ${t})`,
    no_login_7d: (v, t) => `No login for ${v} days (alert from ${t})`,
    no_email_response: (v) => `The last ${v} outreach emails got no reply`,
    no_support_contact: (v, t) => `No support interaction for ${v} days (alert from ${t})`,
    low_nps: (v, t) => `Latest NPS answer is ${v} (below ${t})`,
    low_csat: (v, t) => `Latest CSAT is ${v} (below ${t})`,
    high_ces: (v, t) => `Latest CES is ${v} (above ${t}: too much effort)`,
    no_webinars: () => 'No webinar attended in the last 90 days',
    no_downloads: () => 'No resource downloaded in the last 90 days',
    no_community: () => 'No community participation in the last 90 days',
    usage_decline: (v, t) => `Sessions fell to ${v}% of the previous 30 days (alert at ${t}% or less)`,
    support_spike: (v, t) => `${v} tickets in the last 30 days (spike from ${t})`,
    payment_overdue: (v, t) => `An invoice is ${v} days overdue (more than ${t})`,
    champion_left: (v) => `A champion contact left ${v} days ago`,
    competitor_evaluation: () => 'The account is evaluating a competitor',
  },
  es: {
    low_sessions: (v, t) => `Sesiones por usuario a la semana: ${v} (menos de ${t})`,
    low_time: (v, t) => `Horas en el producto por usuario a la semana: ${v} (menos de ${t})`,
    few_features: (v, t) => `Funcionalidades distintas usadas en los últimos 30 días: ${v} (menos de ${t})`,
    no_login_7d: (v, t) => `Sin accesos desde hace ${v} días (alerta desde ${t})`,
    no_email_response: (v) => `Los últimos ${v} correos de contacto no tuvieron respuesta`,
    no_support_contact: (v, t) => `Sin contacto con soporte desde hace ${v} días (alerta desde ${t})`,
    low_nps: (v, t) => `La última respuesta NPS es ${v} (menos de ${t})`,
    low_csat: (v, t) => `El último CSAT es ${v} (menos de ${t})`,
    high_ces: (v, t) => `El último CES es ${v} (más de ${t}: demasiado esfuerzo)`,
    no_webinars: () => 'Ningún webinar en los últimos 90 días',
    no_downloads: () => 'Ningún recurso descargado en los últimos 90 días',
    no_community: () => 'Sin participación en la comunidad en los últimos 90 días',
    usage_decline: (v, t) => `Las sesiones cayeron al ${v}% de los 30 días anteriores (alerta al ${t}% o menos)`,
    support_spike: (v, t) => `${v} tickets en los últimos 30 días (pico desde ${t})`,
    payment_overdue: (v, t) => `Una factura lleva ${v} días vencida (más de ${t})`,
    champion_left: (v) => `Un contacto champion se fue hace ${v} días`,
    competitor_evaluation: () => 'La cuenta está evaluando a un competidor',
  },
};

/** Value and threshold of a signal as display strings (ratios shown as percentages). */
export function signalEvidenceText(signal: RiskSignal, locale: Locale): [string, string] {
  const { value, threshold } = signal.evidence;
  const scale = signal.key === 'usage_decline' ? 100 : 1;
  const v = typeof value === 'number' ? formatNumber(value * scale, locale) : '';
  const t = threshold === null ? '' : formatNumber(threshold * scale, locale);
  return [v, t];
}
