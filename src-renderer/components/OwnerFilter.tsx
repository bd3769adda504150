import { useId, useMemo } from 'react';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { useT } from '../i18n/use-t';

/** Filter value of accounts without an owner (no user id can look like it). */
export const NO_OWNER = ' none';

export interface OwnerOption {
  id: string;
  name: string;
  count: number;
}

/** The owners of a book, by name, with how many accounts each holds; one entry means a single owner's book. */
export function ownersOf(rows: readonly PortfolioRow[]): OwnerOption[] {
  const byId = new Map<string, OwnerOption>();
  for (const row of rows) {
    const id = row.ownerId ?? NO_OWNER;
    const entry = byId.get(id);
    if (entry) entry.count += 1;
    else byId.set(id, { id, name: row.ownerName ?? '', count: 1 });
  }
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  return [...byId.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/** "Owner: [All owners ▾]" above a manager's portfolio. */
export function OwnerFilter({ owners, value, onChange }: { owners: OwnerOption[]; value: string; onChange: (owner: string) => void }) {
  const { t } = useT();
  const id = useId();
  const options = useMemo(
    () => owners.map((o) => ({ id: o.id, label: t('owner.count', { name: o.id === NO_OWNER ? t('owner.none') : o.name || o.id, n: o.count }) })),
    [owners, t],
  );
  return (
    <div className="owner-filter">
      <label htmlFor={id}>{t('owner.filter')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('owner.all')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
