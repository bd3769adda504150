/**
 * English UI strings. Keys are the source of truth for the catalog shape; the Spanish catalog
 * must carry exactly the same keys (checked by the type below and by a unit test).
 * Domain labels (tiers, risk bands, escalation roles) live in src-shared/scoring/labels.ts.
 */
export const MESSAGES_EN = {
  'app.title': 'CSM Workstation',
  'language.label': 'Language',
  'language.en': 'English',
  'language.es': 'Español',

  'portfolio.title': 'Portfolio',
  'portfolio.caption': 'Portfolio — {count}',
  'portfolio.accounts.one': '{n} account',
  'portfolio.accounts.other': '{n} accounts',
  'portfolio.asOf': 'Scored as of {date}',
  'portfolio.loading': 'Loading portfolio…',
  'portfolio.error.title': 'The portfolio could not be loaded',
  'portfolio.error.retry': 'Retry',
  'portfolio.empty': 'No accounts in this book yet.',

  'column.name': 'Account',
  'column.arr': 'ARR',
  'column.plan': 'Plan',
  'column.renewal': 'Renewal',
  'column.health': 'Health',
  'column.tier': 'Tier',
  'column.risk': 'Churn risk',
  'column.nextTouchpoint': 'Next touchpoint',
  'column.escalation': 'Escalation',

  'sort.hint': 'Sort by {column}',
  'sort.ascending': 'sorted ascending',
  'sort.descending': 'sorted descending',

  'plan.starter': 'Starter',
  'plan.professional': 'Professional',
  'plan.enterprise': 'Enterprise',

  'badge.churned': 'churned',
  'badge.onboarding': 'onboarding',
  'touchpoint.overdue': 'overdue',
  'touchpoint.none': 'None scheduled',
  'touchpoint.due': 'Due {date}',
  'risk.points': '{n} pts',
  'risk.pointsLong': '{n} risk points',
  'escalation.level': 'L{level}',
  'escalation.levelLong': 'Level {level}: {role}',
  'escalation.none': 'No open escalation',
  'value.missing': '—',
  'health.unknown': 'Not enough data to score',
} as const;

export type MessageKey = keyof typeof MESSAGES_EN;
export type Catalog = Readonly<Record<MessageKey, string>>;
