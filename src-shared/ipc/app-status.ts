import { z } from 'zod';

/** Why the store cannot be used; each has its own message and remedy in the UI (en/es). */
export const storeProblemCodeSchema = z.enum([
  'STORE_CORRUPT',
  'STORE_READONLY',
  'STORE_FULL',
  'STORE_BUSY',
  'STORE_EMPTY_FILE',
  'STORE_MISMATCH',
]);
export type StoreProblemCode = z.infer<typeof storeProblemCodeSchema>;

export const storeProblemSchema = z.object({
  code: storeProblemCodeSchema,
  /** The file at fault, so the user and support know exactly which one. */
  file: z.string(),
  /** SQLite's or the file system's own words, for support. */
  detail: z.string(),
});
export type StoreProblem = z.infer<typeof storeProblemSchema>;

/** Backups are named by their UTC time of creation: `portfolio-20261123T204500123Z.sqlite`. */
export const backupNameSchema = z
  .string()
  .regex(/^portfolio-\d{8}T\d{9}Z\.sqlite$/, 'must be the name of a backup listed by backups.list');

export const backupInfoSchema = z.object({
  name: backupNameSchema,
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/**
 * Which book is open: the user's own store, the demo book (its own folder, never synced), or none
 * (first start, or a store with a problem the user has to resolve).
 */
export const appStatusSchema = z.object({
  workspace: z.enum(['real', 'demo']).nullable(),
  /** The user's own store file, whether or not it exists yet. */
  storeFile: z.string(),
  /** No store exists yet: the app offers the demo book. */
  firstRun: z.boolean(),
  problem: storeProblemSchema.nullable(),
  /** When the open book was opened (a restore or a switch opens it anew); null when none is open. */
  openedAt: z.string().nullable(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;
