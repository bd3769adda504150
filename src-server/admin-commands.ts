import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, USER_ROLES } from '../src-shared/sync/auth-wire';
import { hashPassword } from './auth/passwords';
import type { Database } from './db/database';
import { findUserByEmail, insertUser, revokeUserDeviceTokens, updatePasswordHash } from './users/user-repository';

/** A mistake in an admin command (unknown user, bad flag): printed as one line, exit code 1. */
export class AdminCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminCommandError';
  }
}

export const ADMIN_USAGE = `admin commands:
  admin create-user --email E --name N --role csm|manager|admin [--manager EMAIL] [--password P]
  admin reset-password --email E [--password P]
  admin revoke-tokens --email E
A password not given with --password is read from the first line of stdin (pipe it in).`;

const PASSWORD_MIN_LENGTH = 8;
const emailSchema = z.email().max(320);
const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export interface AdminIo {
  /** The password when --password was not given (the CLI reads stdin). */
  readPassword: () => Promise<string>;
}

type Flags = Record<string, string | undefined>;

function flagsOf(args: readonly string[], names: readonly string[]): Flags {
  try {
    const { values } = parseArgs({ args: [...args], options: Object.fromEntries(names.map((name) => [name, { type: 'string' }])), strict: true });
    return values as Flags;
  } catch (error) {
    throw new AdminCommandError((error as Error).message);
  }
}

function required(flags: Flags, name: string): string {
  const value = flags[name]?.trim();
  if (!value) throw new AdminCommandError(`--${name} is required`);
  return value;
}

function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AdminCommandError(`${what}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

async function passwordFrom(flags: Flags, io: AdminIo): Promise<string> {
  const password = flags.password ?? (await io.readPassword());
  return checked(passwordSchema, password, `password (at least ${PASSWORD_MIN_LENGTH} characters)`);
}

async function existingUser(db: Database, email: string) {
  const user = await findUserByEmail(db, email);
  if (!user) throw new AdminCommandError(`no user with email ${email}`);
  return user;
}

async function createUser(db: Database, args: readonly string[], io: AdminIo): Promise<string> {
  const flags = flagsOf(args, ['email', 'name', 'role', 'manager', 'password']);
  const email = checked(emailSchema, required(flags, 'email'), '--email');
  const name = checked(z.string().min(1).max(200), required(flags, 'name'), '--name');
  const role = checked(z.enum(USER_ROLES), required(flags, 'role'), '--role');
  let managerId: string | null = null;
  if (flags.manager) {
    const manager = await existingUser(db, flags.manager);
    if (manager.role !== 'manager') throw new AdminCommandError(`${flags.manager} is a ${manager.role}, not a manager`);
    managerId = manager.id;
  }
  if (await findUserByEmail(db, email)) throw new AdminCommandError(`a user with email ${email} already exists`);
  const passwordHash = await hashPassword(await passwordFrom(flags, io));
  const user = await insertUser(db, { email, name, role, managerId, passwordHash });
  return `created ${user.role} ${user.email} (id ${user.id})`;
}

// A reset is usually because the password leaked, so every device signed in with it is signed out.
async function resetPassword(db: Database, args: readonly string[], io: AdminIo): Promise<string> {
  const flags = flagsOf(args, ['email', 'password']);
  const user = await existingUser(db, required(flags, 'email'));
  const passwordHash = await hashPassword(await passwordFrom(flags, io));
  const revoked = await db.transaction(async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    return revokeUserDeviceTokens(tx, user.id);
  });
  return `password reset for ${user.email}; ${revoked} device token(s) revoked`;
}

async function revokeTokens(db: Database, args: readonly string[]): Promise<string> {
  const flags = flagsOf(args, ['email']);
  const user = await existingUser(db, required(flags, 'email'));
  const revoked = await revokeUserDeviceTokens(db, user.id);
  return `${revoked} device token(s) revoked for ${user.email}`;
}

/** Runs `admin <command> ...flags` on a migrated database; returns the line to print. */
export async function runAdminCommand(db: Database, argv: readonly string[], io: AdminIo): Promise<string> {
  const [command, ...args] = argv;
  switch (command) {
    case 'create-user':
      return createUser(db, args, io);
    case 'reset-password':
      return resetPassword(db, args, io);
    case 'revoke-tokens':
      return revokeTokens(db, args);
    default:
      throw new AdminCommandError(`unknown admin command ${command ?? '(none)'}\n${ADMIN_USAGE}`);
  }
}
