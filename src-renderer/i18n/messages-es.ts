import type { Catalog } from './messages-en';

/** Spanish UI strings; same keys as the English catalog (the type enforces it). */
export const MESSAGES_ES: Catalog = {
  'app.title': 'CSM Workstation',
  'language.label': 'Idioma',
  'language.en': 'English',
  'language.es': 'Español',

  'portfolio.title': 'Cartera',
  'portfolio.caption': 'Cartera — {count}',
  'portfolio.accounts.one': '{n} cuenta',
  'portfolio.accounts.other': '{n} cuentas',
  'portfolio.asOf': 'Puntuado a fecha de {date}',
  'portfolio.loading': 'Cargando la cartera…',
  'portfolio.error.title': 'No se pudo cargar la cartera',
  'portfolio.error.retry': 'Reintentar',
  'portfolio.empty': 'Todavía no hay cuentas en esta cartera.',

  'column.name': 'Cuenta',
  'column.arr': 'ARR',
  'column.plan': 'Plan',
  'column.renewal': 'Renovación',
  'column.health': 'Salud',
  'column.tier': 'Nivel',
  'column.risk': 'Riesgo de abandono',
  'column.nextTouchpoint': 'Próximo contacto',
  'column.escalation': 'Escalada',

  'sort.hint': 'Ordenar por {column}',
  'sort.ascending': 'orden ascendente',
  'sort.descending': 'orden descendente',

  'plan.starter': 'Starter',
  'plan.professional': 'Professional',
  'plan.enterprise': 'Enterprise',

  'badge.churned': 'perdida',
  'badge.onboarding': 'onboarding',
  'touchpoint.overdue': 'vencido',
  'touchpoint.none': 'Sin programar',
  'touchpoint.due': 'Vence el {date}',
  'risk.points': '{n} ptos',
  'risk.pointsLong': '{n} puntos de riesgo',
  'escalation.level': 'N{level}',
  'escalation.levelLong': 'Nivel {level}: {role}',
  'escalation.none': 'Sin escalada abierta',
  'value.missing': '—',
  'health.unknown': 'Datos insuficientes para puntuar',
};
