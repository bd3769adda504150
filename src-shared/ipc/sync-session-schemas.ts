import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../sync/auth-wire';
import { syncProblemSchema, syncStatusSchema } from './sync-status';

/**
 * Why a team server address is not accepted, or null when it is: http or https only (no file:,
 * no javascript:), and no user name or password inside it (they would end up in session.json and
 * in logs; the password goes in its own field).
 */
export function serverUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be a full address such as https://sync.example.com';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.search || url.hash) return 'must not contain a query (?…) or fragment (#…)';
  return null;
}

/** The address as the app keeps it: origin plus any path prefix, without a trailing slash. */
export function normalizeServerUrl(text: string): string {
  const url = new URL(text);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export const serverUrlSchema = z
  .string()
  .trim()
  .min(1, 'enter the address of your team server')
  .max(2048)
  .superRefine((value, ctx) => {
    const problem = serverUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(normalizeServerUrl);

/** Request and answer shapes of the team-server session operations (issue 7 A.5, C.12-13). */
export const syncSessionContract = {
  'sync.status': {
    request: z.object({}).strict(),
    response: syncStatusSchema,
  },
  /** Signs in to a team server and opens that user's synced book (created on first sign-in). */
  'sync.signIn': {
    request: z
      .object({
        serverUrl: serverUrlSchema,
        email: z.string().trim().min(3, 'enter your email address').max(320),
        password: z.string().min(1, 'enter your password').max(PASSWORD_MAX_LENGTH),
      })
      .strict(),
    response: syncStatusSchema,
  },
  /**
   * Signs out and opens the local book. Refused with UNSYNCED_CHANGES (and the pending count) while
   * local changes have not reached the server, unless `discardUnsynced`: the synced book is then
   * set aside in a `discarded/` folder beside it, never deleted.
   */
  'sync.signOut': {
    request: z.object({ discardUnsynced: z.boolean().optional() }).strict(),
    response: syncStatusSchema,
  },
  /** One sync round now (push, then pull to head); answers with the status after it. */
  'sync.now': {
    request: z.object({}).strict(),
    response: syncStatusSchema,
  },
  /** Changes the server refused for good, newest first. */
  'sync.problems': {
    request: z.object({}).strict(),
    response: z.object({ problems: z.array(syncProblemSchema) }),
  },
  /** The same list as a CSV file the renderer offers as a download. */
  'sync.exportProblems': {
    request: z.object({}).strict(),
    response: z.object({ fileName: z.string(), content: z.string() }),
  },
} as const;
