import { describe, expect, it } from 'vitest';
import { displayTitle, parseStoredTitle, storedTitle, type TitleRef } from '../../../src-shared/schedule/touchpoint-titles';

describe('generated touchpoint titles are stored as references and shown in the reader’s language', () => {
  const refs: TitleRef[] = [
    { key: 'checkIn', days: 7 },
    { key: 'checkIn', days: 45 },
    { key: 'qbr', quarter: '2026-Q4' },
    { key: 'renewalPrep' },
    { key: 'renewalCall' },
    { key: 'onboardingEmail', subject: 'welcome' },
    { key: 'setupSession', minutes: 60 },
    { key: 'setupSession', minutes: null },
    { key: 'onboardingCheckIn', focus: 'scaling' },
    { key: 'upsell', offer: 'higher_plan' },
  ];

  it('reads back every reference it writes', () => {
    for (const ref of refs) expect(parseStoredTitle(storedTitle(ref))).toEqual(ref);
  });

  it('shows each in English and Spanish', () => {
    expect(displayTitle('@checkIn:7', 'en')).toBe('Weekly check-in');
    expect(displayTitle('@checkIn:7', 'es')).toBe('Seguimiento semanal');
    expect(displayTitle('@checkIn:45', 'es')).toBe('Seguimiento (cada 45 días)');
    expect(displayTitle('@qbr:2026-Q4', 'en')).toBe('Q4 2026 business review');
    expect(displayTitle('@qbr:2026-Q4', 'es')).toBe('Revisión de negocio Q4 2026');
    expect(displayTitle('@onboardingEmail:welcome', 'es')).toBe('¡Bienvenido! Tu transformación comienza ahora');
    expect(displayTitle('@upsell:higher_plan', 'en')).toBe('Upsell review: Higher plan');
  });

  it('shows a typed title as typed, including ones that only look like references', () => {
    for (const typed of ['Call with Ana', '@ana please call', '@checkIn:-1', '@checkIn:abc', '@qbr:2026-Q9', '@upsell:__proto__', '@onboardingEmail:constructor', '@renewalPrep:x', '@', '@unknownKey:1']) {
      expect(displayTitle(typed, 'en')).toBe(typed);
    }
  });
});
