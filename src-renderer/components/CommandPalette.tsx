import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { fuzzyFilter } from '../../src-shared/search/fuzzy-match';
import { TIER_LABELS } from '../../src-shared/scoring/labels';
import { useT } from '../i18n/use-t';
import { usePortfolio } from '../queries/portfolio-query';
import { accountPath, dashboardPath, goTo, MAIN_PLACES } from '../routes/paths';
import { DASHBOARDS } from '../../src-shared/dashboards/dashboard-model';
import { useOverlayStore } from '../stores/overlay-store';
import { useModalDialog } from './useModalDialog';

interface Command {
  id: string;
  label: string;
  hint: string;
  run: () => void;
}

/** Accounts shown for a query: enough to pick from, few enough to read. */
const ACCOUNT_LIMIT = 8;

/** The currently open account's id, from the address (#/accounts/ID). */
export function accountIdOf(location: string): string | null {
  const match = /^\/accounts\/([^/]+)$/.exec(location);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** Ctrl/Cmd+K: every account, view and action, found by typing a few letters. */
export function CommandPalette() {
  const { t, locale } = useT();
  const ref = useModalDialog();
  const close = useOverlayStore((s) => s.closePalette);
  const openQuickNote = useOverlayStore((s) => s.openQuickNote);
  const [location] = useLocation();
  const { data } = usePortfolio();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const current = accountIdOf(location);

  const commands = useMemo(() => {
    const fixed: Command[] = [
      { id: 'quick-note', label: t('palette.quickNote'), hint: t('palette.action'), run: () => openQuickNote(current) },
      ...MAIN_PLACES.map((view) => ({ id: `view-${view.path}`, label: t(view.label), hint: t('palette.view'), run: () => goTo(view.path) })),
      ...DASHBOARDS.map((name) => ({ id: `dashboard-${name}`, label: t('dash.paletteItem', { name: t(`dash.tab.${name}`) }), hint: t('palette.view'), run: () => goTo(dashboardPath(name)) })),
    ];
    const accounts = (data?.rows ?? []).filter((row) => row.status === 'active');
    const found = query.trim() === '' ? [] : fuzzyFilter(accounts, query, (row) => row.name, ACCOUNT_LIMIT);
    return [
      ...fuzzyFilter(fixed, query, (c) => c.label, fixed.length),
      ...found.map((row) => ({ id: `account-${row.id}`, label: row.name, hint: TIER_LABELS[locale][row.tier], run: () => goTo(accountPath(row.id)) })),
    ];
  }, [data, query, t, locale, current, openQuickNote]);

  const run = (command: Command | undefined) => {
    if (!command) return;
    close();
    command.run();
  };
  const activeIndex = Math.min(active, commands.length - 1);

  return (
    <dialog
      ref={ref}
      className="palette"
      aria-label={t('palette.title')}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => event.target === ref.current && close()}
    >
      <input
        className="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={commands[activeIndex] ? `palette-${commands[activeIndex].id}` : undefined}
        aria-label={t('palette.title')}
        placeholder={t('palette.placeholder')}
        value={query}
        maxLength={200}
        data-autofocus
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, commands.length - 1));
          else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (event.key === 'Enter') run(commands[activeIndex]);
          else return;
          event.preventDefault();
        }}
      />
      <ul id="palette-list" role="listbox" className="palette-list" aria-label={t('palette.results')}>
        {commands.map((command, index) => (
          <li
            key={command.id}
            id={`palette-${command.id}`}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'palette-item is-active' : 'palette-item'}
            onMouseEnter={() => setActive(index)}
            onClick={() => run(command)}
          >
            <span>{command.label}</span>
            <span className="palette-hint">{command.hint}</span>
          </li>
        ))}
        {commands.length === 0 && <li className="palette-empty muted">{t('palette.none')}</li>}
      </ul>
    </dialog>
  );
}
