import { useId, useState, type ReactNode } from 'react';
import type { MessageKey } from '../../src-shared/i18n/messages-en';
import { BAND_LABELS, LOYALTY_LABELS, TIER_LABELS } from '../../src-shared/scoring/labels';
import { useT } from '../i18n/use-t';
import { GROUPINGS, usePortfolioViewStore, VIEW_NAME_MAX, type Grouping } from '../stores/portfolio-view-store';
import { OwnerFilter, type OwnerOption } from './OwnerFilter';
import { activeFilterCount, FILTER_CHOICES, RENEWAL_WINDOWS } from './portfolio-filters';

/** A drop-down of checkboxes; its summary says how many are ticked. */
function CheckMenu<T extends string>({ label, options, chosen, labelOf, onChange }: { label: string; options: readonly T[]; chosen: readonly T[]; labelOf: (o: T) => string; onChange: (next: T[]) => void }) {
  return (
    <details className="filter-menu">
      <summary>
        {label}
        {chosen.length > 0 && <span className="today-count">{chosen.length}</span>}
      </summary>
      <fieldset className="filter-menu-body">
        <legend className="visually-hidden">{label}</legend>
        {options.map((option) => (
          <label key={option}>
            <input
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option))}
            />
            {labelOf(option)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="filter-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function SavedViews() {
  const { t } = useT();
  const { savedViews, applyView, deleteView, saveView } = usePortfolioViewStore();
  const [selected, setSelected] = useState('');
  const [naming, setNaming] = useState<string | null>(null);
  const selectId = useId();
  const nameId = useId();
  if (naming !== null) {
    return (
      <form
        className="saved-view-form"
        onSubmit={(e) => {
          e.preventDefault();
          saveView(naming);
          setSelected(naming.trim());
          setNaming(null);
        }}
      >
        <label htmlFor={nameId} className="visually-hidden">
          {t('views.name')}
        </label>
        <input id={nameId} value={naming} maxLength={VIEW_NAME_MAX} autoFocus placeholder={t('views.name')} onChange={(e) => setNaming(e.target.value)} />
        <button type="submit" className="button-primary button-small" disabled={naming.trim() === ''}>
          {t('views.save')}
        </button>
        <button type="button" className="button-secondary button-small" onClick={() => setNaming(null)}>
          {t('form.cancel')}
        </button>
      </form>
    );
  }
  return (
    <span className="saved-views">
      <label htmlFor={selectId}>{t('views.label')}</label>
      <select
        id={selectId}
        value={selected}
        onChange={(e) => {
          setSelected(e.target.value);
          if (e.target.value) applyView(e.target.value);
        }}
      >
        <option value="">{savedViews.length ? t('views.choose') : t('views.none')}</option>
        {savedViews.map((v) => (
          <option key={v.name} value={v.name}>
            {v.name}
          </option>
        ))}
      </select>
      <button type="button" className="button-secondary button-small" onClick={() => setNaming(selected)}>
        {t('views.saveAs')}
      </button>
      {selected && (
        <button
          type="button"
          className="button-link"
          onClick={() => {
            deleteView(selected);
            setSelected('');
          }}
        >
          {t('views.delete', { name: selected })}
        </button>
      )}
    </span>
  );
}

const GROUP_LABELS: Readonly<Record<Grouping, MessageKey>> = { none: 'group.none', tier: 'group.tier', owner: 'group.owner' };

export interface PortfolioToolbarProps {
  owners: OwnerOption[];
  /** Every column but the name, for the column chooser. */
  columns: Array<{ id: string; label: string }>;
  onExport: () => void;
  children?: ReactNode;
}

/** Free text, filters, grouping, columns, saved views and CSV export above the portfolio table. */
export function PortfolioToolbar({ owners, columns, onExport, children }: PortfolioToolbarProps) {
  const { t, locale } = useT();
  const { filters, setFilters, clearFilters, groupBy, setGroupBy, hiddenColumns, toggleColumn } = usePortfolioViewStore();
  const ids = { text: useId(), renewal: useId(), group: useId() };
  const manyOwners = owners.length > 1;
  const active = activeFilterCount(filters);
  return (
    <div className="portfolio-filters" role="group" aria-label={t('filters.label')}>
      <div className="filter-row">
        <label htmlFor={ids.text} className="visually-hidden">
          {t('filters.text')}
        </label>
        <input
          id={ids.text}
          type="search"
          className="filter-text"
          value={filters.text}
          maxLength={200}
          placeholder={t('filters.text')}
          onChange={(e) => setFilters({ text: e.target.value })}
        />
        <CheckMenu label={t('column.tier')} options={FILTER_CHOICES.tiers} chosen={filters.tiers} labelOf={(o) => TIER_LABELS[locale][o]} onChange={(tiers) => setFilters({ tiers })} />
        <CheckMenu label={t('filters.risk')} options={FILTER_CHOICES.bands} chosen={filters.bands} labelOf={(o) => BAND_LABELS[locale][o]} onChange={(bands) => setFilters({ bands })} />
        <CheckMenu label={t('account.loyalty')} options={FILTER_CHOICES.loyalty} chosen={filters.loyalty} labelOf={(o) => LOYALTY_LABELS[locale][o]} onChange={(loyalty) => setFilters({ loyalty })} />
        <label htmlFor={ids.renewal} className="visually-hidden">
          {t('filters.renewal')}
        </label>
        <select id={ids.renewal} value={filters.renewalWithinDays ?? ''} onChange={(e) => setFilters({ renewalWithinDays: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('filters.renewalAny')}</option>
          {RENEWAL_WINDOWS.map((days) => (
            <option key={days} value={days}>
              {t('filters.renewalWithin', { days })}
            </option>
          ))}
        </select>
        <Toggle label={t('filters.escalated')} checked={filters.escalated} onChange={(escalated) => setFilters({ escalated })} />
        <Toggle label={t('filters.overdue')} checked={filters.overdue} onChange={(overdue) => setFilters({ overdue })} />
        <Toggle label={t('filters.onboarding')} checked={filters.onboarding} onChange={(onboarding) => setFilters({ onboarding })} />
        {manyOwners && <OwnerFilter owners={owners} value={filters.owner} onChange={(owner) => setFilters({ owner })} />}
        {active > 0 && (
          <button type="button" className="button-link" onClick={clearFilters}>
            {t('filters.clear', { n: active })}
          </button>
        )}
      </div>
      <div className="filter-row">
        <label htmlFor={ids.group}>{t('group.label')}</label>
        <select id={ids.group} value={groupBy} onChange={(e) => setGroupBy(e.target.value as Grouping)}>
          {GROUPINGS.filter((g) => g !== 'owner' || manyOwners).map((g) => (
            <option key={g} value={g}>
              {t(GROUP_LABELS[g])}
            </option>
          ))}
        </select>
        <CheckMenu
          label={t('columns.label')}
          options={columns.map((c) => c.id)}
          chosen={columns.map((c) => c.id).filter((id) => !hiddenColumns.includes(id))}
          labelOf={(id) => columns.find((c) => c.id === id)?.label ?? id}
          onChange={(visible) => {
            for (const c of columns) if (visible.includes(c.id) === hiddenColumns.includes(c.id)) toggleColumn(c.id);
          }}
        />
        <SavedViews />
        <button type="button" className="button-secondary button-small" onClick={onExport}>
          {t('export.csv')}
        </button>
        {children}
      </div>
    </div>
  );
}
