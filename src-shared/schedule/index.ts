export * from './cadence';
export * from './labels';
export * from './onboarding';
export * from './renewals';
export * from './utc-date';
export * from './work-queue';
