import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, USER_ROLES } from '../src-shared/sync/auth-wire';
import { findAccount, insertAccount, setAccountOwner } from './accounts/account-repository';
import { hashPassword } from './auth/passwords';
import type { Database } from './db/database';
import { applyImport } from './import/import-apply';
import { readImportFile } from './import/import-file';
import { ImportRefusal, refuseIfAny } from './import/import-refusal';
import { IMPORT_KINDS, checkImportRows } from './import/import-rows';
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
  admin create-account --name N --plan starter|professional|enterprise --arr A --owner EMAIL
                       [--contract-start YYYY-MM-DD] [--renewal-date YYYY-MM-DD]
  admin assign --account ID --owner EMAIL
  admin import --kind accounts|contacts|metrics|surveys --file F.json|F.csv
                       (rows with the entity's snake_case columns; all rows or none; same file twice
                       changes nothing)
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
    // Node's message for a value that starts with a dash spans three lines; a mistake is one line.
    throw new AdminCommandError((error as Error).message.replace(/\s*\n\s*/g, ' '));
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
  const user = await db.transaction((tx) => insertUser(tx, { email, name, role, managerId, passwordHash }));
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

const ACCOUNT_PLANS = ['starter', 'professional', 'enterprise'] as const;

// The plan's limits, as the demo generator gives them, until an import or a sync sets real ones.
const PLAN_LIMITS: Record<(typeof ACCOUNT_PLANS)[number], { planFeatureCount: number; volumeLimit: number }> = {
  starter: { planFeatureCount: 10, volumeLimit: 10_000 },
  professional: { planFeatureCount: 25, volumeLimit: 100_000 },
  enterprise: { planFeatureCount: 40, volumeLimit: 1_000_000 },
};

/** A calendar day YYYY-MM-DD that exists (2026-02-30 does not). */
function dayFrom(flags: Flags, name: string): string | undefined {
  const value = flags[name]?.trim();
  if (value === undefined) return undefined;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) throw new AdminCommandError(`--${name} must be a date YYYY-MM-DD, not ${value}`);
  return value;
}

const todayUtc = (): string => new Date().toISOString().slice(0, 10);
const oneYearAfter = (day: string): string => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`.replace(/-02-29$/, '-02-28');

/** Accounts belong to people who carry a book: a CSM, or a manager who keeps some accounts. */
async function accountOwner(db: Database, email: string) {
  const owner = await existingUser(db, email);
  if (owner.role === 'admin') throw new AdminCommandError(`${email} is an admin; an account's owner must be a csm or a manager`);
  return owner;
}

// Columns not given get the start of a life cycle: onboarding, active, no seats used, renewals 0,
// no overdue payment; the plan's limits as above; the contract starts today and renews a year later.
async function createAccount(db: Database, args: readonly string[]): Promise<string> {
  const flags = flagsOf(args, ['name', 'plan', 'arr', 'owner', 'contract-start', 'renewal-date']);
  const name = checked(z.string().min(1).max(200), required(flags, 'name'), '--name');
  const plan = checked(z.enum(ACCOUNT_PLANS), required(flags, 'plan'), '--plan');
  const arrText = required(flags, 'arr');
  const arr = Number(arrText);
  if (!/^\d+$/.test(arrText) || !Number.isSafeInteger(arr)) throw new AdminCommandError(`--arr must be a whole number >= 0, not ${arrText}`);
  const contractStart = dayFrom(flags, 'contract-start') ?? todayUtc();
  const renewalDate = dayFrom(flags, 'renewal-date') ?? oneYearAfter(contractStart);
  if (renewalDate < contractStart) throw new AdminCommandError(`--renewal-date ${renewalDate} is before the contract start ${contractStart}`);
  const owner = await accountOwner(db, required(flags, 'owner'));
  const id = await db.transaction((tx) => insertAccount(tx, { name, plan, arr, ownerId: owner.id, contractStart, renewalDate, ...PLAN_LIMITS[plan] }));
  return id;
}

async function assignAccount(db: Database, args: readonly string[]): Promise<string> {
  const flags = flagsOf(args, ['account', 'owner']);
  const accountId = required(flags, 'account');
  const account = await findAccount(db, accountId);
  if (!account) throw new AdminCommandError(`no account with id ${accountId}`);
  const owner = await accountOwner(db, required(flags, 'owner'));
  await db.transaction((tx) => setAccountOwner(tx, account.id, owner.id));
  return `account ${account.name} (${account.id}) now owned by ${owner.email}`;
}

async function importRows(db: Database, args: readonly string[]): Promise<string> {
  const flags = flagsOf(args, ['kind', 'file']);
  const kind = checked(z.enum(IMPORT_KINDS), required(flags, 'kind'), '--kind');
  const path = required(flags, 'file');
  try {
    const file = await readImportFile(path);
    const { rows, problems } = checkImportRows(kind, file.rows, file.format);
    refuseIfAny(problems);
    const counts = await applyImport(db, kind, rows);
    return `imported ${kind} from ${path}: ${counts.created} new, ${counts.changed} changed, ${counts.unchanged} unchanged`;
  } catch (error) {
    if (error instanceof ImportRefusal) throw new AdminCommandError(`import ${path}: ${error.message}`);
    throw error;
  }
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
    case 'create-account':
      return createAccount(db, args);
    case 'assign':
      return assignAccount(db, args);
    case 'import':
      return importRows(db, args);
    default:
      throw new AdminCommandError(`unknown admin command ${command ?? '(none)'}\n${ADMIN_USAGE}`);
  }
}
