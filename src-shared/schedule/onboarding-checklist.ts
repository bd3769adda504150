import type { LocalizedText, OnboardingPhase } from './labels';

export interface OnboardingChecklistItem {
  key: string;
  /** 1..15, the seed's order. */
  order: number;
  phase: OnboardingPhase;
  label: LocalizedText;
}

const item = (order: number, key: string, en: string, es: string): OnboardingChecklistItem => ({
  key,
  order,
  // The seed lists five items per phase, in phase order.
  phase: order <= 5 ? 'preparation' : order <= 10 ? 'go_live' : 'optimization',
  label: { en, es },
});

/** The 15-item onboarding checklist of the second seed, tracked per account. */
export const ONBOARDING_CHECKLIST: readonly OnboardingChecklistItem[] = [
  item(1, 'kickoff_completed', 'Kickoff meeting completed', 'Reunión de kickoff completada'),
  item(2, 'stakeholders_identified', 'Stakeholders identified and contacted', 'Stakeholders identificados y contactados'),
  item(3, 'success_metrics_defined', 'Success metrics defined and agreed', 'Métricas de éxito definidas y acordadas'),
  item(4, 'timeline_established', 'Implementation timeline established', 'Cronograma de implementación establecido'),
  item(5, 'resources_allocated', 'Resources allocated and available', 'Recursos asignados y disponibles'),
  item(6, 'technical_setup_completed', 'Technical setup completed', 'Configuración técnica completada'),
  item(7, 'data_migrated', 'Data migrated and validated', 'Datos migrados y validados'),
  item(8, 'users_trained', 'Users trained and certified', 'Usuarios capacitados y certificados'),
  item(9, 'processes_documented', 'Processes documented and communicated', 'Procesos documentados y comunicados'),
  item(10, 'initial_testing_passed', 'Initial testing successful', 'Pruebas iniciales exitosas'),
  item(11, 'performance_monitoring_active', 'Performance monitoring active', 'Monitoreo de rendimiento activo'),
  item(12, 'user_adoption_in_progress', 'User adoption in progress', 'Adopción de usuarios en progreso'),
  item(13, 'feedback_collected', 'Feedback collected and analyzed', 'Feedback recopilado y analizado'),
  item(14, 'processes_refined', 'Processes refined based on feedback', 'Procesos refinados basados en feedback'),
  item(15, 'success_validated', 'Success validated and documented', 'Éxito validado y documentado'),
];
