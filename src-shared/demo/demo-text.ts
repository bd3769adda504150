import type { SeededRandom } from './seeded-random';

/** Word lists and templates for the demo book: a mixed Spanish/English customer base. */

const NAME_HEADS = [
  'Acme', 'Nova', 'Aurora', 'Cumbre', 'Horizonte', 'Atlas', 'Brisa', 'Cobalt', 'Delta', 'Estrella',
  'Faro', 'Granite', 'Halcón', 'Iberia', 'Jade', 'Kestrel', 'Lumen', 'Mistral', 'Norte', 'Olivo',
  'Pampa', 'Quantum', 'Río', 'Sierra', 'Tierra', 'Umbral', 'Vértice', 'Willow', 'Xenon', 'Yunque',
  'Zenit', 'Andes', 'Bluebird', 'Caribe', 'Dorado', 'Everest', 'Fénix', 'Galena', 'Harbor', 'Índigo',
  'Juniper', 'Lago', 'Meridian', 'Nimbus', 'Oasis', 'Pinnacle', 'Redwood', 'Solano', 'Tundra', 'Vega',
] as const;

const NAME_CORES = [
  'Logística', 'Analytics', 'Salud', 'Foods', 'Energía', 'Retail', 'Media', 'Finanzas', 'Robotics',
  'Textil', 'Cloud', 'Seguros', 'Labs', 'Viajes', 'Software', 'Agro', 'Marine', 'Construcciones',
  'Pharma', 'Digital', 'Motors', 'Educación', 'Systems', 'Hoteles', 'Networks', 'Consultores',
  'Dynamics', 'Inmobiliaria', 'Partners', 'Bio',
] as const;

const LEGAL_FORMS = ['', '', 'S.A.', 'S.L.', 'Inc.', 'Ltd', 'Group', 'S.A. de C.V.', 'LLC', 'GmbH'] as const;
const CITIES = ['Madrid', 'Bogotá', 'Lima', 'Austin', 'Sevilla', 'Monterrey', 'Boston', 'Quito', 'Dublin', 'Rosario'];
const TLDS = ['com', 'com', 'io', 'es', 'mx', 'co', 'com.ar', 'cl', 'net'] as const;

export const INDUSTRIES = [
  'software', 'retail', 'healthcare', 'financial_services', 'manufacturing', 'logistics', 'education',
  'media', 'hospitality', 'real_estate',
] as const;

const FIRST_NAMES = [
  'María', 'José', 'Lucía', 'Javier', 'Sofía', 'Andrés', 'Camila', 'Diego', 'Valentina', 'Martín',
  'Ana', 'Pablo', 'Carmen', 'Íñigo', 'Elena', 'Tomás', 'Sarah', 'James', 'Emily', 'Michael', 'Olivia',
  'Daniel', 'Grace', 'Ryan', 'Hannah', 'David', 'Laura', 'Chris', 'Nuria', 'Sergio',
] as const;
const LAST_NAMES = [
  'García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Ruiz', 'Díaz', 'Muñoz',
  'Ortega', 'Castaño', 'Smith', 'Johnson', 'Brown', 'Miller', 'Wilson', 'Taylor', 'Clark', 'Walker',
  'Núñez', 'Herrera', 'Ibáñez', 'Morales',
] as const;

export const CONTACT_ROLES = [
  'CEO', 'CTO', 'COO', 'Head of Operations', 'Marketing Manager', 'IT Administrator', 'Finance Director',
  'Jefe de Operaciones', 'Directora de Marketing', 'Responsable de TI', 'Product Owner', 'Sales Manager',
] as const;

/** Strips accents and symbols so names become plausible hostnames and mailbox names. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** A company name not in `taken`; falls back to a city suffix once the word grid gets crowded. */
export function companyName(rng: SeededRandom, taken: Set<string>): string {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const form = rng.pick(LEGAL_FORMS);
    let name = `${rng.pick(NAME_HEADS)} ${rng.pick(NAME_CORES)}${form ? ` ${form}` : ''}`;
    if (attempt >= 20) name = `${name} ${rng.pick(CITIES)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  let n = 2;
  const base = `${rng.pick(NAME_HEADS)} ${rng.pick(NAME_CORES)}`;
  while (taken.has(`${base} ${n}`)) n += 1;
  taken.add(`${base} ${n}`);
  return `${base} ${n}`;
}

export function companyDomain(rng: SeededRandom, name: string, taken: Set<string>): string {
  const base = slugify(name.replace(/\b(S\.A\.|S\.L\.|Inc\.|Ltd|LLC|GmbH|de C\.V\.)/g, ''));
  const tld = rng.pick(TLDS);
  let domain = `${base}.${tld}`;
  for (let n = 2; taken.has(domain); n += 1) domain = `${base}${n}.${tld}`;
  taken.add(domain);
  return domain;
}

export function personName(rng: SeededRandom): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

export function personEmail(name: string, domain: string): string {
  const [first = 'contact', last = ''] = name.split(' ');
  return `${slugify(first)}.${slugify(last)}@${domain}`;
}

export type NoteLanguage = 'es' | 'en';
export type Mood = 'good' | 'mixed' | 'bad';

const TOPICS_ES = [
  'la adopción de automatizaciones', 'la integración con el CRM', 'los informes de campañas',
  'la migración de datos', 'el uso de la API', 'los permisos de usuarios', 'la configuración de SSO',
  'el plan de formación', 'los paneles de métricas', 'el proceso de renovación',
] as const;
const TOPICS_EN = [
  'automation adoption', 'the CRM integration', 'campaign reporting', 'the data migration',
  'API usage', 'user permissions', 'SSO setup', 'the training plan', 'the metrics dashboards',
  'the renewal process',
] as const;

const OPENERS: Record<NoteLanguage, Record<Mood, readonly string[]>> = {
  es: {
    good: [
      'El equipo está contento: ya usan {topic} a diario y quieren ampliarlo a otra área.',
      'Muy buena reunión. {contact} destacó el ahorro de tiempo en {topic}.',
      'Adopción sólida; preguntaron por funciones avanzadas y por más licencias.',
    ],
    mixed: [
      'Avances parciales con {topic}; falta formación para los nuevos usuarios.',
      '{contact} comentó que la dirección pide más visibilidad del ROI antes de la renovación.',
      'Uso estable pero por debajo de lo acordado en el plan de éxito.',
    ],
    bad: [
      'Preocupación seria: el uso cayó en las últimas semanas y {contact} no respondió a dos correos.',
      'Se quejaron de incidencias repetidas con {topic}; mencionan que están evaluando otra herramienta.',
      'Riesgo alto de cancelación: el sponsor ejecutivo dejó la empresa y nadie asumió el proyecto.',
    ],
  },
  en: {
    good: [
      'Great call. {contact} says the team relies on {topic} every day and wants to roll it out further.',
      'Adoption is strong; they asked about SSO and a higher plan for next quarter.',
      'Champion is happy and offered to be a reference for a case study.',
    ],
    mixed: [
      'Some progress on {topic}, but new users still need onboarding.',
      '{contact} asked for clearer ROI numbers before the renewal conversation.',
      'Usage is flat; the success plan goals are slipping by a few weeks.',
    ],
    bad: [
      'Usage dropped sharply and {contact} has not answered the last emails.',
      'Frustrated with repeated issues in {topic}; they mentioned evaluating a competitor.',
      'High churn risk: the champion left and nobody owns the rollout anymore.',
    ],
  },
};

const NEXT_STEPS: Record<NoteLanguage, readonly string[]> = {
  es: [
    'Enviar guía de buenas prácticas', 'Agendar sesión de formación', 'Revisar métricas en dos semanas',
    'Preparar propuesta de ampliación', 'Escalar incidencia a soporte técnico', 'Confirmar fecha del QBR',
    'Compartir caso de éxito del sector', 'Reunión con el sponsor ejecutivo',
  ],
  en: [
    'Send best-practice guide', 'Book a training session', 'Review metrics in two weeks',
    'Draft expansion proposal', 'Escalate ticket to technical support', 'Confirm QBR date',
    'Share an industry case study', 'Meeting with the executive sponsor',
  ],
};

/** A markdown call note with a heading, a summary and next steps. */
export function noteBody(
  rng: SeededRandom,
  lang: NoteLanguage,
  mood: Mood,
  contact: string,
  heading: string,
): string {
  const topic = lang === 'es' ? rng.pick(TOPICS_ES) : rng.pick(TOPICS_EN);
  const fill = (s: string): string => s.replace('{topic}', topic).replace('{contact}', contact);
  const lead =
    lang === 'es'
      ? rng.pick([`Llamada con ${contact}: revisamos ${topic}.`, `Reunión con ${contact} sobre ${topic}.`, `Seguimiento con ${contact}.`])
      : rng.pick([`Call with ${contact}: we reviewed ${topic}.`, `QBR prep: ${contact} asked about ${topic}.`, `Check-in with ${contact}.`]);
  const steps = NEXT_STEPS[lang];
  const first = rng.pick(steps);
  let second = rng.pick(steps);
  if (second === first) second = steps[(steps.indexOf(first) + 1) % steps.length] ?? first;
  const stepsTitle = lang === 'es' ? 'Próximos pasos' : 'Next steps';
  return `## ${heading}\n\n${lead} ${fill(rng.pick(OPENERS[lang][mood]))}\n\n**${stepsTitle}:**\n- ${first}\n- ${second}\n`;
}

export const OUTCOMES: Record<Mood, readonly string[]> = {
  good: ['Healthy adoption confirmed', 'Expansion interest', 'Goals on track', 'Reference offered'],
  mixed: ['Follow-up needed', 'Training requested', 'ROI questions open', 'Partial progress'],
  bad: ['Usage concerns raised', 'No decision maker present', 'Escalation discussed', 'Competitor mentioned'],
};

// Each list has the same length in both languages, so a seed draws the same items in either.
export const GOAL_TITLES: Record<'en' | 'es', readonly string[]> = {
  en: [
    'Automate 80% of onboarding emails', 'Reduce manual reporting time by 50%', 'Roll out to the sales team',
    'Integrate with the CRM', 'Train every new hire within 2 weeks', 'Launch first automated campaign',
    'Reach 90% seat activation', 'Migrate legacy data', 'Enable SSO for all users', 'Publish monthly ROI report',
  ],
  es: [
    'Automatizar el 80% de los correos de bienvenida', 'Reducir a la mitad el tiempo de informes manuales', 'Extender el uso al equipo comercial',
    'Integrar con el CRM', 'Formar a cada nueva incorporación en 2 semanas', 'Lanzar la primera campaña automatizada',
    'Llegar al 90% de licencias activas', 'Migrar los datos heredados', 'Activar el SSO para todos los usuarios', 'Publicar el informe mensual de ROI',
  ],
};

export const ESCALATION_REASONS: Record<'en' | 'es', readonly string[]> = {
  en: [
    'Repeated data sync failures', 'Executive sponsor unhappy with ROI', 'Critical bug blocking campaigns',
    'Invoice dispute', 'Performance degradation in reports', 'Champion left, renewal at risk',
    'Competitor evaluation underway', 'Missed onboarding milestones',
  ],
  es: [
    'Fallos repetidos de sincronización de datos', 'El patrocinador ejecutivo no ve el ROI', 'Error crítico que bloquea las campañas',
    'Factura en disputa', 'Informes cada vez más lentos', 'Se fue el champion; renovación en riesgo',
    'Evaluando a un competidor', 'Hitos de incorporación incumplidos',
  ],
};

export const ESCALATION_WHY: Record<'en' | 'es', readonly string[]> = {
  en: [
    'No response at current level within SLA', 'Customer requested executive involvement',
    'Renewal at risk', 'Issue affects several teams', 'Contract terms need approval',
  ],
  es: [
    'Sin respuesta en este nivel dentro del SLA', 'El cliente pidió implicar a la dirección',
    'Renovación en riesgo', 'El problema afecta a varios equipos', 'Las condiciones del contrato necesitan aprobación',
  ],
};

/** What the first event of an escalation says. */
export const ESCALATION_OPENED: Record<'en' | 'es', string> = { en: 'Opened', es: 'Abierta' };

export const FEEDBACK_ITEMS: ReadonlyArray<readonly [string, string]> = [
  ['feature_request', 'Would love bulk editing of contacts.'],
  ['feature_request', 'Nos gustaría exportar los informes a Excel con un clic.'],
  ['bug', 'Dashboard filters reset after refresh.'],
  ['bug', 'La sincronización con el CRM duplica registros.'],
  ['ux', 'The campaign builder is hard to find.'],
  ['integration', 'Necesitamos integración con Google Sheets.'],
  ['pricing', 'Seat pricing is steep for seasonal staff.'],
  ['support', 'Support answered quickly and solved the issue.'],
  ['documentation', 'La documentación de la API está desactualizada.'],
];

export const SURVEY_COMMENTS: Record<Mood, readonly string[]> = {
  good: ['Great product!', 'Muy útil para el equipo.', 'Support is excellent.'],
  mixed: ['Good, but reporting could improve.', 'Falta formación.', 'OK overall.'],
  bad: ['Too many bugs lately.', 'Difícil de usar.', 'Not worth the price right now.'],
};

/** Why a CSM rated an account red, amber or green, in the account's language. */
export const CSM_SENTIMENT_REASONS: Record<NoteLanguage, Record<'red' | 'amber' | 'green', readonly string[]>> = {
  en: {
    red: ['Champion gone quiet and the sponsor skipped the QBR', 'They asked for a price comparison with a competitor', 'Budget cut announced; renewal is not safe'],
    amber: ['Usage fine but the new VP has not met us yet', 'Support frustration is building after the last incidents', 'Adoption stalled in two of four teams'],
    green: ['Sponsor engaged; they are planning the next phase with us', 'Weekly users growing and the team is asking for training', 'Strong QBR; they offered to be a reference'],
  },
  es: {
    red: ['El champion no responde y el sponsor faltó a la QBR', 'Pidieron una comparativa de precios con un competidor', 'Anunciaron recorte de presupuesto; la renovación peligra'],
    amber: ['El uso va bien, pero la nueva directora aún no nos conoce', 'Crece el malestar con soporte tras las últimas incidencias', 'La adopción se ha parado en dos de cuatro equipos'],
    green: ['Sponsor implicado; planifica con nosotros la siguiente fase', 'Crecen los usuarios semanales y piden formación', 'QBR muy buena; se ofrecieron como referencia'],
  },
};
