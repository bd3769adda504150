import { v5 as uuidv5 } from 'uuid';

/** Namespace of ids the engine derives from other rows (fixed for ever: changing it forks every device). */
const DERIVED_ID_NAMESPACE = '6f9d2c1e-4b7a-5e3d-9c8b-2a1f0e7d6c5b';

/**
 * The id of a row the engine makes because of another row (the check-in planned when one is
 * completed): the same on every device, so two devices that act around the same time make one row.
 */
export function derivedId(sourceId: string, purpose: 'next-check-in' | 'escalation-opened' | 'onboarding-item' | 'qbr-plan'): string {
  return uuidv5(`${purpose}:${sourceId}`, DERIVED_ID_NAMESPACE);
}
