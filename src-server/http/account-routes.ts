import type { FastifyInstance } from 'fastify';
import type { AccountSummary } from '../accounts/account-repository';
import type { Database } from '../db/database';
import { accountSummariesInScope } from '../scope/account-scope';
import { callerOf } from './auth-routes';

/** `GET /v1/accounts`: the accounts in the caller's scope (id, name, owner), for a device to see its book before the first pull. */
export function registerAccountRoutes(app: FastifyInstance, db: Database): void {
  app.get('/v1/accounts', async (request): Promise<{ accounts: AccountSummary[] }> => ({
    accounts: await accountSummariesInScope(db, callerOf(request).user),
  }));
}
