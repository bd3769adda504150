import type { UserRole } from '../../src-shared/sync/auth-wire';
import { DEMO_EMAIL_DOMAIN } from '../../src-shared/demo/demo-team';
import { slugify } from '../../src-shared/demo/demo-text';
import { verifyPassword } from '../auth/passwords';
import type { Queryable } from '../db/database';

/**
 * The demo organisation's sign-ins. DEMO ONLY: each password is derived from the person's first
 * name (`demo-<first name>-2026`) so anyone reading the server's output or the docs can sign in;
 * a server holding real people never uses them (the demo seeds only a database with no users).
 */

export interface DemoLogin {
  email: string;
  password: string;
  role: UserRole;
}

export function demoPassword(name: string): string {
  return `demo-${slugify(name.split(' ')[0] ?? 'user') || 'user'}-2026`;
}

/** The line `--demo` prints for each login; scripts and tests read it. */
export function loginLine(login: DemoLogin): string {
  return `login: ${login.email} ${login.password} ${login.role}`;
}

const ROLE_ORDER: Readonly<Record<UserRole, number>> = { admin: 0, manager: 1, csm: 2 };

/** Admin first, then managers, then CSMs; by email within a role. */
export function byRoleThenEmail(a: DemoLogin, b: DemoLogin): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0);
}

/**
 * The demo logins of an organisation seeded before: live demo users whose demo password still
 * works (one an admin has reset since is left out rather than printed wrong).
 */
export async function existingDemoLogins(db: Queryable): Promise<DemoLogin[]> {
  const users = await db.query<{ email: string; name: string; role: UserRole; password_hash: string }>(
    `SELECT email, name, role, password_hash FROM users WHERE deleted_at IS NULL AND lower(email) LIKE $1`,
    [`%@${DEMO_EMAIL_DOMAIN}`],
  );
  const checked = await Promise.all(
    users.map(async (user) => {
      const password = demoPassword(user.name);
      return (await verifyPassword(password, user.password_hash)) ? { email: user.email, password, role: user.role } : null;
    }),
  );
  return checked.filter((login) => login !== null).sort(byRoleThenEmail);
}
