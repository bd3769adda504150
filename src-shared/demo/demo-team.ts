import { MS_PER_DAY } from '../schedule/utc-date';
import { isoAt } from './demo-days';
import type { UserRecord } from './demo-records';
import { SeededRandom } from './seeded-random';
import { personName, slugify } from './demo-text';

/** The people of a generated book: who owns the accounts and who their managers are. */
export interface Team {
  users: UserRecord[];
  /** The CSMs accounts are dealt to. */
  csmIds: string[];
  /** The first CSM: the user the desktop app runs as in the local demo book. */
  localUserId: string;
  /** Whom the accounts are dealt to: the local user alone (their own book), or every CSM of an organisation. */
  bookOwnerIds: string[];
  /** The manager a CSM reports to: owner of the higher escalations, author of some notes. */
  managerOf(csmId: string | null): string;
}

/** Every generated person's email ends so: demo people are told apart from real ones by it. */
export const DEMO_EMAIL_DOMAIN = 'csm-workstation.demo';

/** Makes users in creation order from `rng`, so a seed gives the same people and ids. */
function userMaker(rng: SeededRandom, asOfDay: number): (role: UserRecord['role'], managerId: string | null) => UserRecord {
  const createdDay = asOfDay - 4 * 365;
  const createdAt = isoAt(createdDay, 9 * 60);
  let n = 0;
  return (role, managerId) => {
    const name = personName(rng);
    const [first = 'user', last = ''] = name.split(' ');
    const user: UserRecord = {
      id: rng.uuidV7((createdDay + n) * MS_PER_DAY),
      // The running number keeps emails unique when two people share a name.
      email: `${slugify(first)}.${slugify(last)}${n}@${DEMO_EMAIL_DOMAIN}`,
      name,
      role,
      managerId,
      createdAt,
    };
    n += 1;
    return user;
  };
}

function teamOf(users: UserRecord[], dealTo: 'local user' | 'every csm'): Team {
  const csms = users.filter((u) => u.role === 'csm');
  const first = csms[0];
  if (!first) throw new Error('team has no CSM');
  const managerByCsm = new Map(csms.map((c) => [c.id, c.managerId]));
  const anyManager = users.find((u) => u.role === 'manager')?.id;
  if (!anyManager) throw new Error('team has no manager');
  return {
    users,
    csmIds: csms.map((c) => c.id),
    localUserId: first.id,
    bookOwnerIds: dealTo === 'local user' ? [first.id] : csms.map((c) => c.id),
    managerOf: (csmId) => (csmId === null ? undefined : managerByCsm.get(csmId)) ?? anyManager,
  };
}

/** The local demo book's team: an admin, one manager and three or four CSMs reporting to them. */
export function buildTeam(seed: number, asOfDay: number): Team {
  const rng = SeededRandom.derive(seed, 0xbeef);
  const user = userMaker(rng, asOfDay);
  const admin = user('admin', null);
  const manager = user('manager', null);
  const csms = Array.from({ length: rng.int(3, 4) }, () => user('csm', manager.id));
  // The demo is a CSM's own book: every account is theirs (a manager's view comes with a team server).
  return teamOf([admin, manager, ...csms], 'local user');
}

export interface OrganisationShape {
  managers: number;
  csmsPerManager: number;
}

/** The server's demo organisation by default: 1 admin, 2 managers, 3 CSMs reporting to each. */
export const DEMO_ORGANISATION: OrganisationShape = { managers: 2, csmsPerManager: 3 };

/**
 * A team of several managers, each with their own CSMs: accounts are dealt to the CSMs only (the
 * managers carry no book), and each account's escalations and manager notes go to its owner's manager.
 */
export function organisationTeam(shape: OrganisationShape = DEMO_ORGANISATION): (seed: number, asOfDay: number) => Team {
  if (!Number.isInteger(shape.managers) || shape.managers < 1 || !Number.isInteger(shape.csmsPerManager) || shape.csmsPerManager < 1) {
    throw new Error(`an organisation needs at least one manager with at least one CSM, got ${JSON.stringify(shape)}`);
  }
  return (seed, asOfDay) => {
    // A stream of its own, so the organisation's people are not the local team's.
    const user = userMaker(SeededRandom.derive(seed, 0x0e6a), asOfDay);
    const admin = user('admin', null);
    const managers = Array.from({ length: shape.managers }, () => user('manager', null));
    const csms = managers.flatMap((manager) => Array.from({ length: shape.csmsPerManager }, () => user('csm', manager.id)));
    return teamOf([admin, ...managers, ...csms], 'every csm');
  };
}
