export * from './retention';
export * from './satisfaction';
export * from './targets';
