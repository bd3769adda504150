import { roundHalfUp } from './health';
import { formatMetricInput, formatNumber, formatTarget, curveTarget, SIGNAL_SENTENCES, signalEvidenceText } from './explain-format';
import {
  BAND_LABELS,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  METRIC_LABELS,
  RESPONSE_GOAL_LABELS,
  RESPONSE_MESSAGE_LABELS,
  SEVERITY_LABELS,
  TIER_LABELS,
  type Locale,
} from './labels';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './scoring-config';
import { HEALTH_METRICS, type HealthCategory, type HealthMetricKey, type HealthResult, type RiskResult } from './types';

const CATEGORIES = Object.keys(HEALTH_METRICS) as HealthCategory[];

// Labels are title-case; mid-sentence they start lower-case unless they open with an acronym (API, ROI).
const lowerFirst = (s: string): string => (/^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

function joinList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const and = locale === 'es' ? ' y ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

interface HealthSentence {
  /** The metric the sentence explains; absent for the summary and whole-category lines. */
  metric?: HealthMetricKey;
  text: string;
}

/** Every health sentence in reading order, tagged with the metric it explains (if any). */
function healthSentences(result: HealthResult, locale: Locale, config: ScoringConfig): HealthSentence[] {
  const es = locale === 'es';
  if (result.score === null) {
    return [{ text: es ? 'Sin datos: la cuenta queda sin puntuación.' : 'No data at all: the account is unscored.' }];
  }
  const tier = TIER_LABELS[locale][result.tier].toLowerCase();
  const sentences: HealthSentence[] = [{ text: es ? `Salud ${result.score} de 100: ${tier}.` : `Health ${result.score} of 100: ${tier}.` }];
  for (const category of CATEGORIES) {
    const breakdown = result.categories[category];
    const cat = CATEGORY_LABELS[locale][category];
    if (breakdown.score === null) {
      sentences.push({
        text: es
          ? `Sin datos de ninguna métrica de ${cat}; el peso de la categoría pasó a las demás categorías.`
          : `No data for any ${cat} metric; the category's weight went to the other categories.`,
      });
      continue;
    }
    for (const m of breakdown.metrics) {
      const label = METRIC_LABELS[locale][m.key];
      if (m.input === null || m.score === null) {
        sentences.push({
          metric: m.key,
          text: es
            ? `Sin datos de ${lowerFirst(label)}; su peso pasó a las demás métricas de ${cat}.`
            : `No data for ${lowerFirst(label)}; its weight went to the other ${cat} metrics.`,
        });
        continue;
      }
      const input = formatMetricInput(m.key, m.input, locale);
      const score = roundHalfUp(m.score);
      const target = formatTarget(curveTarget(config.health.curves[m.key]), locale);
      sentences.push({
        metric: m.key,
        text: es
          ? `${label} ${input} → ${score} de 100; el objetivo es ${target}.`
          : `${label} ${input} → ${score} of 100; the target is ${target}.`,
      });
    }
  }
  return sentences;
}

/** Plain-language sentences behind a health score: summary, each metric, and each gap in the data. */
export function explainHealth(
  result: HealthResult,
  locale: Locale,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): string[] {
  return healthSentences(result, locale, config).map((s) => s.text);
}

/** explainHealth's sentence for each metric of a scored category, keyed by metric. */
export function explainHealthMetrics(
  result: HealthResult,
  locale: Locale,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): Partial<Record<HealthMetricKey, string>> {
  const out: Partial<Record<HealthMetricKey, string>> = {};
  for (const s of healthSentences(result, locale, config)) if (s.metric !== undefined) out[s.metric] = s.text;
  return out;
}

/** One sentence per fired risk signal with its evidence, then the recommended response. */
export function explainRisk(result: RiskResult, locale: Locale): string[] {
  const es = locale === 'es';
  const lines = result.signals.map((s) => {
    const [v, t] = signalEvidenceText(s, locale);
    const text = SIGNAL_SENTENCES[locale][s.key](v, t);
    return `${text} → +${s.points} (${SEVERITY_LABELS[locale][s.severity]}).`;
  });
  const band = BAND_LABELS[locale][result.band].toLowerCase();
  const head = es ? `Riesgo ${result.points} de 100 (${band})` : `Risk ${result.points} of 100 (${band})`;
  const r = result.response;
  if (r.withinHours === null || r.message === null || r.goal === null) {
    lines.push(es ? `${head}: no hace falta responder.` : `${head}: no response needed.`);
    return lines;
  }
  const hours = formatNumber(r.withinHours, locale);
  const when =
    r.withinHours === 0 ? (es ? 'de inmediato' : 'immediately') : es ? `en menos de ${hours} h` : `within ${hours} h`;
  const channels = joinList(r.channels.map((c) => CHANNEL_LABELS[locale][c]), locale);
  const message = RESPONSE_MESSAGE_LABELS[locale][r.message];
  const goal = RESPONSE_GOAL_LABELS[locale][r.goal];
  lines.push(
    es
      ? `${head}: responder ${when} por ${channels}; mensaje: ${message}; objetivo: ${goal}.`
      : `${head}: respond ${when} by ${channels}; message: ${message}; goal: ${goal}.`,
  );
  return lines;
}
