import type { EscalationRole, InterventionAction, InterventionKind } from './escalation';
import type { ExpansionSignalKey } from './expansion';
import type { HealthTrend } from './health';
import type { LoyaltyPerk } from './loyalty';
import type { TierAction } from './tiers';
import type {
  HealthCategory,
  HealthMetricKey,
  LoyaltyLevel,
  RiskBand,
  RiskResponse,
  RiskSignalKey,
  Severity,
  Tier,
} from './types';

export type Locale = 'en' | 'es';
/** A label table: one display string per key, per locale. */
export type LabelTable<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export const METRIC_LABELS: LabelTable<HealthMetricKey> = {
  en: {
    login_frequency: 'Login frequency',
    feature_adoption: 'Feature adoption',
    data_volume: 'Data volume',
    api_calls: 'API calls',
    support_tickets: 'Support tickets',
    training_sessions: 'Training sessions',
    feedback_participation: 'Feedback participation',
    community_engagement: 'Community engagement',
    roi_achievement: 'ROI achievement',
    goal_completion: 'Goal completion',
    revenue_impact: 'Revenue impact',
    cost_savings: 'Cost savings',
  },
  es: {
    login_frequency: 'Frecuencia de acceso',
    feature_adoption: 'Adopción de funcionalidades',
    data_volume: 'Volumen de datos',
    api_calls: 'Llamadas a la API',
    support_tickets: 'Tickets de soporte',
    training_sessions: 'Sesiones de formación',
    feedback_participation: 'Participación en encuestas',
    community_engagement: 'Participación en la comunidad',
    roi_achievement: 'Logro del ROI',
    goal_completion: 'Cumplimiento de objetivos',
    revenue_impact: 'Impacto en ingresos',
    cost_savings: 'Ahorro de costes',
  },
};

/** Category names as used inside a sentence ("the other usage metrics"). */
export const CATEGORY_LABELS: LabelTable<HealthCategory> = {
  en: { usage: 'usage', engagement: 'engagement', business: 'business' },
  es: { usage: 'uso', engagement: 'compromiso', business: 'negocio' },
};

export const TIER_LABELS: LabelTable<Tier> = {
  en: { critical: 'Critical', at_risk: 'At risk', stable: 'Stable', successful: 'Successful', unscored: 'Unscored' },
  es: { critical: 'Crítico', at_risk: 'En riesgo', stable: 'Estable', successful: 'Exitoso', unscored: 'Sin puntuación' },
};

export const TIER_ACTION_LABELS: LabelTable<TierAction> = {
  en: {
    immediate_intervention: 'Immediate intervention',
    active_monitoring: 'Active monitoring',
    continuous_optimization: 'Continuous optimization',
    expansion_and_references: 'Expansion and references',
  },
  es: {
    immediate_intervention: 'Intervención inmediata',
    active_monitoring: 'Monitoreo activo',
    continuous_optimization: 'Optimización continua',
    expansion_and_references: 'Expansión y referencias',
  },
};

export const TREND_LABELS: LabelTable<HealthTrend> = {
  en: { declining: 'Declining', improving: 'Improving', steady: 'Steady', unknown: 'Unknown' },
  es: { declining: 'En descenso', improving: 'En mejora', steady: 'Estable', unknown: 'Desconocida' },
};

export const BAND_LABELS: LabelTable<RiskBand> = {
  en: { high: 'High', medium: 'Medium', low: 'Low', none: 'None' },
  es: { high: 'Alto', medium: 'Medio', low: 'Bajo', none: 'Ninguno' },
};

export const SEVERITY_LABELS: LabelTable<Severity> = {
  en: { high: 'high', medium: 'medium', low: 'low' },
  es: { high: 'alta', medium: 'media', low: 'baja' },
};

export const SIGNAL_LABELS: LabelTable<RiskSignalKey> = {
  en: {
    low_sessions: 'Few sessions',
    low_time: 'Little time in product',
    few_features: 'Few features used',
    no_login_7d: 'No login in 7 days',
    no_email_response: 'No email replies',
    no_support_contact: 'No support contact',
    low_nps: 'Low NPS',
    low_csat: 'Low CSAT',
    high_ces: 'High effort (CES)',
    no_webinars: 'No webinars',
    no_downloads: 'No downloads',
    no_community: 'No community participation',
    usage_decline: 'Usage decline',
    support_spike: 'Support ticket spike',
    payment_overdue: 'Payment overdue',
    champion_left: 'Champion left',
    competitor_evaluation: 'Evaluating a competitor',
  },
  es: {
    low_sessions: 'Pocas sesiones',
    low_time: 'Poco tiempo en el producto',
    few_features: 'Pocas funcionalidades usadas',
    no_login_7d: 'Sin accesos en 7 días',
    no_email_response: 'Sin respuesta a correos',
    no_support_contact: 'Sin contacto con soporte',
    low_nps: 'NPS bajo',
    low_csat: 'CSAT bajo',
    high_ces: 'Esfuerzo alto (CES)',
    no_webinars: 'Sin webinars',
    no_downloads: 'Sin descargas',
    no_community: 'Sin participación en la comunidad',
    usage_decline: 'Caída de uso',
    support_spike: 'Pico de tickets de soporte',
    payment_overdue: 'Pago vencido',
    champion_left: 'Salida del champion',
    competitor_evaluation: 'Evaluando a un competidor',
  },
};

export const CHANNEL_LABELS: LabelTable<RiskResponse['channels'][number]> = {
  en: { phone: 'phone call', email: 'email', linkedin: 'LinkedIn' },
  es: { phone: 'llamada', email: 'correo', linkedin: 'LinkedIn' },
};

export const RESPONSE_MESSAGE_LABELS: LabelTable<NonNullable<RiskResponse['message']>> = {
  en: {
    how_can_we_help: '“How can we help you?”',
    additional_value: 'additional value and support',
    resources_best_practices: 'resources and best practices',
  },
  es: {
    how_can_we_help: '«¿Cómo podemos ayudarte?»',
    additional_value: 'valor adicional y apoyo',
    resources_best_practices: 'recursos y buenas prácticas',
  },
};

export const RESPONSE_GOAL_LABELS: LabelTable<NonNullable<RiskResponse['goal']>> = {
  en: {
    solve_critical_problems: 'solve critical problems',
    re_engagement: 're-engagement',
    prevent_escalation: 'prevent escalation',
  },
  es: {
    solve_critical_problems: 'resolver problemas críticos',
    re_engagement: 'reactivación',
    prevent_escalation: 'prevenir la escalada',
  },
};

export const LOYALTY_LABELS: LabelTable<LoyaltyLevel> = {
  en: { bronze: 'Bronze', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' },
  es: { bronze: 'Bronce', silver: 'Plata', gold: 'Oro', platinum: 'Platino' },
};

export const LOYALTY_PERK_LABELS: LabelTable<LoyaltyPerk> = {
  en: {
    standard_support: 'Standard support',
    monthly_newsletter: 'Monthly newsletter',
    priority_support: 'Priority support',
    account_manager: 'Account manager',
    vip_support_24_7: 'VIP 24/7 support',
  },
  es: {
    standard_support: 'Soporte estándar',
    monthly_newsletter: 'Boletín mensual',
    priority_support: 'Soporte prioritario',
    account_manager: 'Gestor de cuenta',
    vip_support_24_7: 'Soporte VIP 24/7',
  },
};

export const EXPANSION_SIGNAL_LABELS: LabelTable<ExpansionSignalKey> = {
  en: { seats: 'Seats nearly full', features: 'Most features in use', volume: 'Volume near limit', nps: 'High NPS' },
  es: { seats: 'Licencias casi agotadas', features: 'Mayoría de funcionalidades en uso', volume: 'Volumen cerca del límite', nps: 'NPS alto' },
};

export const INTERVENTION_KIND_LABELS: LabelTable<InterventionKind> = {
  en: { none: 'None', early: 'Early intervention', intensive: 'Intensive intervention', emergency: 'Emergency intervention' },
  es: { none: 'Ninguna', early: 'Intervención temprana', intensive: 'Intervención intensiva', emergency: 'Intervención de emergencia' },
};

export const INTERVENTION_ACTION_LABELS: LabelTable<InterventionAction> = {
  en: {
    health_check_call: 'Health-check call',
    success_review: 'Success review',
    feature_optimization: 'Feature optimization',
    extra_training: 'Extra training',
    executive_engagement: 'Executive engagement',
    custom_solution: 'Custom solution',
    pricing_adjustment: 'Pricing adjustment',
    contract_change: 'Contract change',
    c_level_meeting: 'C-level meeting',
    success_plan_revision: 'Success-plan revision',
    resource_reallocation: 'Resource reallocation',
    escalation_to_leadership: 'Escalation to leadership',
  },
  es: {
    health_check_call: 'Llamada de revisión de salud',
    success_review: 'Revisión de éxito',
    feature_optimization: 'Optimización de funcionalidades',
    extra_training: 'Formación adicional',
    executive_engagement: 'Implicación ejecutiva',
    custom_solution: 'Solución a medida',
    pricing_adjustment: 'Ajuste de precio',
    contract_change: 'Cambio de contrato',
    c_level_meeting: 'Reunión con dirección (C-level)',
    success_plan_revision: 'Revisión del plan de éxito',
    resource_reallocation: 'Reasignación de recursos',
    escalation_to_leadership: 'Escalada a la dirección',
  },
};

export const ESCALATION_ROLE_LABELS: LabelTable<EscalationRole> = {
  en: { csm: 'CSM', senior_csm: 'Senior CSM', cs_manager: 'CS Manager', cs_director: 'CS Director', c_level: 'C-Level' },
  es: { csm: 'CSM', senior_csm: 'CSM sénior', cs_manager: 'Gerente de CS', cs_director: 'Director de CS', c_level: 'Dirección (C-Level)' },
};
