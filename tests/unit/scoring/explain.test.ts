import { describe, expect, it } from 'vitest';
import { explainHealth, explainHealthMetrics, explainRisk } from '../../../src-shared/scoring/explain';
import { curveTarget, formatNumber } from '../../../src-shared/scoring/explain-format';
import { computeHealth } from '../../../src-shared/scoring/health';
import {
  INTERVENTION_ACTION_LABELS,
  LOYALTY_LABELS,
  METRIC_LABELS,
  SIGNAL_LABELS,
  TIER_LABELS,
} from '../../../src-shared/scoring/labels';
import { computeRisk } from '../../../src-shared/scoring/risk';
import { DEFAULT_SCORING_CONFIG } from '../../../src-shared/scoring/scoring-config';
import { HEALTH_METRICS } from '../../../src-shared/scoring/types';

const h = computeHealth({ login_frequency: 1.5, feature_adoption: 40, data_volume: 30, support_tickets: 2, roi_achievement: 50 });

describe('explainHealth', () => {
  it('writes English sentences', () => {
    const lines = explainHealth(h, 'en');
    // usage (30+50+50)/3, engagement 100, business 50 → 0.4·43.33 + 30 + 15 = 62.33 → 62
    expect(lines[0]).toBe('Health 62 of 100: at risk.');
    expect(lines).toContain('Login frequency 1.5 per week → 30 of 100; the target is 3 to 5.');
    expect(lines).toContain('Feature adoption 40% of features → 50 of 100; the target is 80 to 90.');
    expect(lines).toContain('No data for API calls; its weight went to the other usage metrics.');
    expect(lines).toContain('No data for training sessions; its weight went to the other engagement metrics.');
    expect(lines).toContain('Support tickets 2 in 30 days → 100 of 100; the target is 1 to 3.');
    expect(lines).toContain('ROI achievement 50% of target → 50 of 100; the target is 100 or more.');
    expect(lines).toHaveLength(13);
  });

  it('writes Spanish sentences with a decimal comma', () => {
    const lines = explainHealth(h, 'es');
    expect(lines[0]).toBe('Salud 62 de 100: en riesgo.');
    expect(lines).toContain('Frecuencia de acceso 1,5 por semana → 30 de 100; el objetivo es de 3 a 5.');
    expect(lines).toContain('Sin datos de llamadas a la API; su peso pasó a las demás métricas de uso.');
    expect(lines).toContain('Logro del ROI 50% del objetivo → 50 de 100; el objetivo es 100 o más.');
  });

  it('explains a missing category once, and an unscored account', () => {
    const onlyUsage = computeHealth({ login_frequency: 5 });
    expect(explainHealth(onlyUsage, 'en')).toContain(
      "No data for any business metric; the category's weight went to the other categories.",
    );
    expect(explainHealth(onlyUsage, 'es')).toContain(
      'Sin datos de ninguna métrica de negocio; el peso de la categoría pasó a las demás categorías.',
    );
    expect(explainHealth(computeHealth({}), 'en')).toEqual(['No data at all: the account is unscored.']);
    expect(explainHealth(computeHealth({}), 'es')).toEqual(['Sin datos: la cuenta queda sin puntuación.']);
  });

  it('reads targets off every default curve', () => {
    const c = DEFAULT_SCORING_CONFIG.health.curves;
    expect(curveTarget(c.login_frequency)).toEqual({ min: 3, max: 5 });
    expect(curveTarget(c.support_tickets)).toEqual({ min: 1, max: 3 });
    expect(curveTarget(c.api_calls)).toEqual({ min: 1, max: 1.2 });
    expect(curveTarget(c.community_engagement)).toEqual({ min: 1, max: 3 });
    expect(curveTarget(c.roi_achievement)).toEqual({ min: 100, max: null });
    expect(curveTarget([[0, 0], [5, 100], [9, 100]])).toEqual({ min: 5, max: null });
  });

  it('formats numbers per locale', () => {
    expect(formatNumber(1234.567, 'en')).toBe('1234.57');
    expect(formatNumber(1234.567, 'es')).toBe('1234,57');
    expect(formatNumber(3, 'es')).toBe('3');
  });
});

describe('explainHealthMetrics', () => {
  it("keys explainHealth's metric sentences by metric, in both languages", () => {
    // Training and feedback missing (weight redistributed), the whole business category missing.
    const health = computeHealth({
      login_frequency: 2.5,
      feature_adoption: 60,
      data_volume: 40,
      api_calls: 1,
      support_tickets: 2,
      community_engagement: 1,
    });
    for (const locale of ['en', 'es'] as const) {
      const byMetric = explainHealthMetrics(health, locale);
      const lines = explainHealth(health, locale);
      for (const key of [...HEALTH_METRICS.usage, 'support_tickets', 'community_engagement'] as const) {
        expect(byMetric[key], key).toMatch(new RegExp(`^${METRIC_LABELS[locale][key]} .*→`));
      }
      expect(byMetric.training_sessions).toMatch(/weight|peso/);
      // Only the summary and the whole-category line are not about a single metric.
      for (const key of HEALTH_METRICS.business) expect(byMetric[key], key).toBeUndefined();
      expect(Object.values(byMetric).sort()).toEqual(lines.filter((l) => l !== lines[0] && !/categor/.test(l)).sort());
    }
  });

  it('matches the metric and target in English', () => {
    const byMetric = explainHealthMetrics(h, 'en');
    expect(byMetric.login_frequency).toBe('Login frequency 1.5 per week → 30 of 100; the target is 3 to 5.');
    expect(byMetric.api_calls).toBe('No data for API calls; its weight went to the other usage metrics.');
  });

  it('is empty for an unscored account', () => {
    expect(explainHealthMetrics(computeHealth({}), 'en')).toEqual({});
  });
});

describe('explainRisk', () => {
  it('explains each fired signal and the response in English', () => {
    const r = computeRisk({ latest_nps: 4, sessions_30d: 30, sessions_prev_30d: 50, community_90d: 0, competitor_evaluation: true });
    expect(explainRisk(r, 'en')).toEqual([
      'The account is evaluating a competitor → +25 (high).',
      'Latest NPS answer is 4 (below 7) → +25 (high).',
      'Sessions fell to 60% of the previous 30 days (alert at 75% or less) → +25 (high).',
      'No community participation in the last 90 days → +5 (low).',
      'Risk 80 of 100 (high): respond immediately by phone call and email; message: “How can we help you?”; goal: solve critical problems.',
    ]);
  });

  it('and in Spanish', () => {
    const r = computeRisk({ login_frequency: 1.5, latest_csat: 2.5 });
    expect(explainRisk(r, 'es')).toEqual([
      'El último CSAT es 2,5 (menos de 3) → +25 (alta).',
      'Sesiones por usuario a la semana: 1,5 (menos de 2) → +25 (alta).',
      'Riesgo 50 de 100 (medio): responder en menos de 24 h por correo y LinkedIn; mensaje: valor adicional y apoyo; objetivo: reactivación.',
    ]);
  });

  it('says no response is needed when nothing is at risk', () => {
    expect(explainRisk(computeRisk({}), 'en')).toEqual(['Risk 0 of 100 (none): no response needed.']);
    expect(explainRisk(computeRisk({}), 'es')).toEqual(['Riesgo 0 de 100 (ninguno): no hace falta responder.']);
  });

  it('has a sentence for every signal in both locales', () => {
    const all = computeRisk({
      login_frequency: 0, hours_per_user_week: 0, features_used_30d: 0, days_since_last_login: 30, unanswered_emails: 5,
      days_since_support_contact: 200, latest_nps: 0, latest_csat: 1, latest_ces: 5, webinars_90d: 0, downloads_90d: 0,
      community_90d: 0, sessions_30d: 0, sessions_prev_30d: 10, tickets_30d: 9, tickets_prev_30d: 0,
      payment_overdue_days: 60, days_since_champion_left: 10, competitor_evaluation: true,
    });
    for (const locale of ['en', 'es'] as const) {
      const lines = explainRisk(all, locale);
      expect(lines).toHaveLength(18);
      expect(new Set(lines).size).toBe(18);
      for (const line of lines) expect(line).not.toMatch(/undefined|NaN|\(\)/);
    }
  });
});

describe('label tables', () => {
  it('have the same keys in both locales and no empty label', () => {
    for (const table of [METRIC_LABELS, SIGNAL_LABELS, TIER_LABELS, LOYALTY_LABELS, INTERVENTION_ACTION_LABELS]) {
      expect(Object.keys(table.es).sort()).toEqual(Object.keys(table.en).sort());
      for (const v of [...Object.values(table.en), ...Object.values(table.es)]) expect(v.length).toBeGreaterThan(0);
    }
    expect(Object.keys(SIGNAL_LABELS.en)).toHaveLength(17);
    expect(TIER_LABELS.es.at_risk).toBe('En riesgo');
  });
});
