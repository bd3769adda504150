import { useAccountDetail } from '../queries/account-query';
import { useSyncStore } from './sync-store';

/**
 * Whether this device's user may change a row of the open account (src-main/services/write-permission.ts
 * has the same rule): a signed-in manager or admin reads a report's account but changes only what
 * they wrote (`authorId`; null for rows without an author, such as touchpoints). CSMs, the local
 * book and the demo book change anything.
 */
export function useMayChange(accountId: string, authorId: string | null): boolean {
  const me = useSyncStore((s) => s.status?.user ?? null);
  const ownerId = useAccountDetail(accountId).data?.account.ownerId ?? null;
  if (!me || me.role === 'csm') return true;
  return authorId === me.id || ownerId === me.id;
}
