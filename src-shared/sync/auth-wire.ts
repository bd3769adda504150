import { z } from 'zod';

/** Request and answer shapes of the server's health and auth endpoints (DESIGN §3 "Wire shapes"). */

export const USER_ROLES = ['csm', 'manager', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Long enough for any pass phrase, short enough that hashing it cannot be used to burn CPU. */
export const PASSWORD_MAX_LENGTH = 1024;

// Strict: an unknown field is refused (400) rather than ignored, so a typo never passes silently.
export const loginRequestSchema = z.strictObject({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  device: z.string().trim().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface WireUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

export interface LoginResponse {
  token: string;
  user: WireUser;
}

export interface HealthResponse {
  status: 'ok';
  protocol: { min: number; max: number };
  schema: { min: number; max: number };
}

/** Every error answer of the server: a stable upper-case code a client can branch on, and a message for people. */
export interface WireError {
  code: string;
  message: string;
}

export const AUTH_ERROR_CODES = {
  badCredentials: 'BAD_CREDENTIALS',
  rateLimited: 'RATE_LIMITED',
  unauthenticated: 'UNAUTHENTICATED',
} as const;
