/**
 * English and Spanish texts for the schedule's keys. The engine only emits keys; the UI picks the
 * text here so a plan stays language-neutral in storage. Spanish follows the seed documents.
 */

export type ScheduleLocale = 'en' | 'es';
export type LocalizedText = Readonly<Record<ScheduleLocale, string>>;

export type OnboardingSubjectKey =
  | 'welcome'
  | 'first_experience'
  | 'maximize_roi'
  | 'need_help'
  | 'first_week_review';

export type Day0Action =
  | 'create_account'
  | 'send_credentials'
  | 'schedule_setup'
  | 'assign_csm'
  | 'open_follow_up_ticket';

export type SetupAgendaKey = 'introduction' | 'needs' | 'configuration' | 'first_demo' | 'next_steps';

export type CheckInFocusKey = 'automations' | 'campaign_optimization' | 'scaling';

export type UpsellOffer = 'advanced_features' | 'higher_plan' | 'additional_services' | 'enterprise_plan';

export type OnboardingPhase = 'preparation' | 'go_live' | 'optimization';

export const SUBJECT_LABELS: Readonly<Record<OnboardingSubjectKey, LocalizedText>> = {
  welcome: { en: 'Welcome! Your journey starts now', es: '¡Bienvenido! Tu transformación comienza ahora' },
  first_experience: { en: 'How is your first experience going?', es: '¿Cómo va tu primera experiencia?' },
  maximize_roi: { en: 'Tips to maximize your ROI', es: 'Tips para maximizar tu ROI' },
  need_help: { en: 'Need help with anything specific?', es: '¿Necesitas ayuda con algo específico?' },
  first_week_review: { en: 'Your first week in review', es: 'Resumen de tu primera semana' },
};

export const DAY0_ACTION_LABELS: Readonly<Record<Day0Action, LocalizedText>> = {
  create_account: { en: 'Create the account on the platform', es: 'Crear cuenta en la plataforma' },
  send_credentials: { en: 'Send access credentials', es: 'Enviar credenciales de acceso' },
  schedule_setup: { en: 'Schedule the personalized setup', es: 'Programar setup personalizado' },
  assign_csm: { en: 'Assign a dedicated CSM', es: 'Asignar CSM dedicado' },
  open_follow_up_ticket: { en: 'Open a follow-up ticket', es: 'Crear ticket de seguimiento' },
};

export const AGENDA_LABELS: Readonly<Record<SetupAgendaKey, LocalizedText>> = {
  introduction: { en: 'Personal introduction', es: 'Introducción personal' },
  needs: { en: 'Needs analysis', es: 'Análisis de necesidades' },
  configuration: { en: 'Basic configuration', es: 'Configuración básica' },
  first_demo: { en: 'First demo', es: 'Primera demostración' },
  next_steps: { en: 'Next steps', es: 'Próximos pasos' },
};

export const FOCUS_LABELS: Readonly<Record<CheckInFocusKey, LocalizedText>> = {
  automations: { en: 'Automation implementation', es: 'Implementación de automatizaciones' },
  campaign_optimization: { en: 'Campaign optimization', es: 'Optimización de campañas' },
  scaling: { en: 'Scaling and growth', es: 'Escalamiento y crecimiento' },
};

export const UPSELL_OFFER_LABELS: Readonly<Record<UpsellOffer, LocalizedText>> = {
  advanced_features: { en: 'Advanced features', es: 'Funcionalidades avanzadas' },
  higher_plan: { en: 'Higher plan', es: 'Plan superior' },
  additional_services: { en: 'Additional services', es: 'Servicios adicionales' },
  enterprise_plan: { en: 'Enterprise plan', es: 'Plan enterprise' },
};

export const PHASE_LABELS: Readonly<Record<OnboardingPhase, LocalizedText>> = {
  preparation: { en: 'Preparation (pre-go-live)', es: 'Preparación (pre-go-live)' },
  go_live: { en: 'Implementation (go-live)', es: 'Implementación (go-live)' },
  optimization: { en: 'Optimization (post-go-live)', es: 'Optimización (post-go-live)' },
};
