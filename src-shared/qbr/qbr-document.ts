import { formatters } from '../i18n/format';
import { translator } from '../i18n/translate';
import { SEED_TARGETS, targetRangeText } from '../metrics/targets';
import { planCommitments } from './qbr-pack';
import { EXPANSION_SIGNAL_LABELS, METRIC_LABELS, SIGNAL_LABELS, TIER_LABELS, type Locale } from '../scoring/labels';
import type { RiskSignalKey } from '../scoring/types';
import { displayTitle } from '../schedule/touchpoint-titles';
import type { QbrPackData as QbrPack } from '../ipc/qbr-schemas';

/** One piece of a QBR section, in words and figures already formatted for the reader's language. */
export type QbrBlock =
  | { kind: 'facts'; items: Array<{ label: string; value: string }> }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'list'; items: string[] }
  | { kind: 'chart'; caption: string; summary: string; tableLabel: string; labels: string[]; values: Array<number | null>; min: number; max: number }
  | { kind: 'subheading'; text: string }
  | { kind: 'text'; text: string };

export interface QbrSection {
  id: string;
  heading: string;
  blocks: QbrBlock[];
}

/**
 * A QBR pack as a document: the one description that the preview, the HTML file and the PDF all
 * render, so the three show the same words and figures, frozen when it was built.
 */
export interface QbrDocument {
  locale: Locale;
  title: string;
  subtitle: string;
  dataAsOf: string;
  sections: QbrSection[];
}

/** The CSM's part of the QBR as written (the plan's lines are its commitments). */
export interface QbrPlanText {
  nextPlan: string;
  commentary: string;
}

/** Builds the document of a pack in a language; `plan` is the CSM's text (null before any is written). */
export function qbrDocument(pack: QbrPack, plan: QbrPlanText | null, locale: Locale): QbrDocument {
  const t = translator(locale);
  const fmt = formatters(locale);
  const missing = t('qbr.missing');
  const num = (value: number | null, digits = 0) =>
    value === null ? missing : digits === 0 ? fmt.number(Math.round(value)) : fmt.decimal1(value);
  const percent = (value: number | null) => (value === null ? missing : fmt.percent(Math.round(value) / 100));
  const tier = (key: keyof (typeof TIER_LABELS)['en']) => TIER_LABELS[locale][key];
  const signal = (key: string) => SIGNAL_LABELS[locale][key as RiskSignalKey] ?? key;
  const goalStatus = (status: QbrPack['goals']['list'][number]['status']) => t(`goals.status.${status}`);
  const { health, usage } = pack;

  const healthSection: QbrSection = {
    id: 'health',
    heading: t('qbr.section.health'),
    blocks: [
      {
        kind: 'facts',
        items: [
          { label: t('qbr.health.start'), value: `${num(health.start)} · ${tier(health.startTier)}` },
          { label: t('qbr.health.end'), value: `${num(health.end)} · ${tier(health.endTier)}` },
          { label: t('qbr.health.change'), value: health.change === null ? missing : `${health.change > 0 ? '+' : health.change < 0 ? '−' : ''}${fmt.number(Math.abs(health.change))}` },
        ],
      },
      {
        kind: 'chart',
        caption: t('qbr.chart.trend'),
        summary: t('qbr.chart.summary', { from: num(health.start), to: num(health.end) }),
        tableLabel: t('chart.showTable'),
        labels: health.trend.map((p) => fmt.date(p.date)),
        values: health.trend.map((p) => p.score),
        min: 0,
        max: 100,
      },
      pack.tierChanges.length === 0
        ? { kind: 'text', text: t('qbr.noTierChange', { tier: tier(health.endTier) }) }
        : { kind: 'list', items: pack.tierChanges.map((c) => t('qbr.tierChange', { date: fmt.date(c.date), from: tier(c.from), to: tier(c.to) })) },
    ],
  };

  const usageSection: QbrSection = {
    id: 'usage',
    heading: t('qbr.section.usage'),
    blocks: [
      {
        kind: 'table',
        head: [t('qbr.usage.measure'), t('qbr.usage.start'), t('qbr.usage.end')],
        rows: [
          [t('qbr.usage.seats'), missing, `${t('qbr.usage.seatsValue', { used: fmt.number(usage.seats.used), of: fmt.number(usage.seats.of) })} (${percent(usage.seats.ratio === null ? null : usage.seats.ratio * 100)})`],
          [METRIC_LABELS[locale].feature_adoption, percent(usage.featureAdoption.start), percent(usage.featureAdoption.end)],
          [METRIC_LABELS[locale].data_volume, percent(usage.dataVolume.start), percent(usage.dataVolume.end)],
          [METRIC_LABELS[locale].login_frequency, num(usage.loginFrequency.start, 1), num(usage.loginFrequency.end, 1)],
          [METRIC_LABELS[locale].roi_achievement, percent(pack.roi.start), percent(pack.roi.end)],
        ],
      },
    ],
  };

  const goals = pack.goals;
  const goalsSection: QbrSection = {
    id: 'goals',
    heading: t('qbr.section.goals'),
    blocks: goals.list.length === 0
      ? [{ kind: 'text', text: t('qbr.goals.none') }]
      : [
          { kind: 'text', text: t('qbr.goals.summary', { done: goals.completedInQuarter, open: goals.open }) },
          { kind: 'list', items: goals.list.map((g) => t('qbr.goals.line', { title: g.title, status: goalStatus(g.status), progress: g.progress })) },
        ],
  };

  const held = pack.touchpoints.held;
  const touchpointsSection: QbrSection = {
    id: 'touchpoints',
    heading: t('qbr.section.touchpoints'),
    blocks: [
      { kind: 'text', text: t('qbr.touchpoints.summary', { n: held.length }) },
      ...(held.length === 0
        ? []
        : [{
            kind: 'list' as const,
            items: held.map((tp) => t('qbr.touchpoints.line', { date: fmt.date(tp.completedAt ?? tp.dueAt), kind: t(`touchpointKind.${tp.kind}`), title: displayTitle(tp.title, locale) })),
          }]),
    ],
  };

  const esc = pack.escalations;
  const escalationRows = [...new Map([...esc.openedInQuarter, ...esc.resolvedInQuarter, ...esc.openAtEnd].map((e) => [e.id, e])).values()];
  const escalationsSection: QbrSection = {
    id: 'escalations',
    heading: t('qbr.section.escalations'),
    blocks: escalationRows.length === 0
      ? [{ kind: 'text', text: t('qbr.escalations.none') }]
      : [
          { kind: 'text', text: t('qbr.escalations.summary', { opened: esc.openedInQuarter.length, resolved: esc.resolvedInQuarter.length, open: esc.openAtEnd.length }) },
          {
            kind: 'list',
            items: escalationRows.map((e) => t('qbr.escalations.line', {
              level: e.level, reason: e.reason, opened: fmt.date(e.openedAt), resolved: e.resolvedAt ? t('qbr.escalations.resolvedOn', { date: fmt.date(e.resolvedAt) }) : '',
            })),
          },
        ],
  };

  const { surveys } = pack;
  const count = (kind: 'nps' | 'csat' | 'ces') => fmt.number(surveys.answers.filter((a) => a.kind === kind).length);
  const surveyValue = (value: number | null, digits: number) => (value === null ? t('qbr.surveys.noAnswer') : num(value, digits));
  const surveysSection: QbrSection = {
    id: 'surveys',
    heading: t('qbr.section.surveys'),
    blocks: [{
      kind: 'table',
      head: [t('qbr.usage.measure'), t('qbr.surveys.value'), t('qbr.surveys.target'), t('qbr.surveys.answers')],
      rows: [
        ['NPS', surveyValue(surveys.nps.value, 0), targetRangeText(SEED_TARGETS.nps, fmt.number), count('nps')],
        ['CSAT', surveyValue(surveys.csat, 1), targetRangeText(SEED_TARGETS.csat, fmt.decimal1), count('csat')],
        ['CES', surveyValue(surveys.ces, 1), targetRangeText(SEED_TARGETS.ces, fmt.number), count('ces')],
      ],
    }],
  };

  const risksSection: QbrSection = {
    id: 'risks',
    heading: t('qbr.section.risks'),
    blocks: [pack.risks.length === 0 ? { kind: 'text', text: t('qbr.risks.none') } : { kind: 'list', items: pack.risks.map((s) => signal(s.key)) }],
  };
  const expansionSection: QbrSection = {
    id: 'expansion',
    heading: t('qbr.section.expansion'),
    blocks: [pack.expansion.length === 0 ? { kind: 'text', text: t('qbr.expansion.none') } : { kind: 'list', items: pack.expansion.map((s) => EXPANSION_SIGNAL_LABELS[locale][s.key]) }],
  };

  const c = pack.comparison;
  const comparisonSection: QbrSection = c
    ? {
        id: 'comparison',
        heading: t('qbr.section.comparison', { quarter: c.previousQuarter }),
        blocks: [
          { kind: 'text', text: t('qbr.comparison.health', { then: num(c.health.then), now: num(c.health.now), tierThen: tier(c.tier.then), tierNow: tier(c.tier.now) }) },
          ...(c.goals.length === 0 ? [] : [
            { kind: 'subheading' as const, text: t('qbr.comparison.goalsHeading') },
            {
              kind: 'list' as const,
              items: c.goals.map((g) => t('qbr.comparison.goal', {
                title: g.title,
                then: `${goalStatus(g.then.status)} ${g.then.progress}%`,
                now: g.now ? `${goalStatus(g.now.status)} ${g.now.progress}%` : t('qbr.comparison.goalGone'),
              })),
            },
          ]),
          ...(c.commitments.length === 0 ? [] : [{ kind: 'subheading' as const, text: t('qbr.comparison.commitments') }, { kind: 'list' as const, items: c.commitments }]),
          ...(c.risks.length === 0 ? [] : [
            { kind: 'subheading' as const, text: t('qbr.comparison.risksHeading') },
            { kind: 'list' as const, items: c.risks.map((r) => t(r.stillFiring ? 'qbr.comparison.riskStill' : 'qbr.comparison.riskGone', { risk: signal(r.key) })) },
          ]),
        ],
      }
    : { id: 'comparison', heading: t('qbr.section.comparisonFirst'), blocks: [{ kind: 'text', text: t('qbr.comparison.none') }] };

  // The same commitments the export freezes for next quarter's comparison.
  const planLines = plan ? planCommitments(plan.nextPlan) : [];
  const planSection: QbrSection = {
    id: 'plan',
    heading: t('qbr.section.plan'),
    blocks: [planLines.length === 0 ? { kind: 'text', text: t('qbr.plan.none') } : { kind: 'list', items: planLines }],
  };
  const commentary = plan?.commentary.trim() ?? '';
  const commentarySection: QbrSection = {
    id: 'commentary',
    heading: t('qbr.section.commentary'),
    blocks: [{ kind: 'text', text: commentary === '' ? t('qbr.commentary.none') : commentary }],
  };

  return {
    locale,
    title: t('qbr.title', { name: pack.account.name }),
    subtitle: t('qbr.subtitle', { quarter: pack.quarter, start: fmt.date(pack.period.start), end: fmt.date(pack.period.end) }),
    dataAsOf: t('qbr.dataAsOf', { when: fmt.dateTime(pack.asOf) }),
    sections: [
      healthSection, usageSection, goalsSection, touchpointsSection, escalationsSection, surveysSection, risksSection, expansionSection,
      comparisonSection, planSection, commentarySection,
    ],
  };
}
