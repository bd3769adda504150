import { useState } from 'react';
import { Link } from 'wouter';
import { addUtcDays, utcIsoDay, utcMondayOf } from '../../src-shared/schedule/utc-date';
import { invoke, toIpcError } from '../api/api-client';
import { downloadFile } from '../components/download-file';
import { ErrorState } from '../components/ErrorState';
import { TouchpointTitle } from '../components/TouchpointTitle';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { useOperation } from '../queries/query-client';
import { accountPath } from '../routes/paths';

/** Days the .ics export covers from today. */
const EXPORT_DAYS = 90;


/** The planned touchpoints of a week, a column per day, with the calendar export of the schedule. */
export function AgendaView() {
  const { t, fmt, locale } = useT();
  const [monday, setMonday] = useState(() => utcMondayOf(new Date()));
  const from = utcIsoDay(monday);
  const { data, error, isPending, refetch } = useOperation('touchpoints.agenda', { from, days: 7 });
  const [exportError, setExportError] = useState<string | null>(null);
  const exportIcs = async () => {
    setExportError(null);
    try {
      const file = await invoke('touchpoints.ics', { from: utcIsoDay(new Date()), days: EXPORT_DAYS, locale });
      downloadFile(file.fileName, file.ics, 'text/calendar;charset=utf-8');
    } catch (caught) {
      setExportError(errorText(toIpcError(caught), t));
    }
  };
  const days = Array.from({ length: 7 }, (_, i) => addUtcDays(monday, i));
  const today = utcIsoDay(new Date());
  return (
    <div className="agenda">
      <div className="agenda-head">
        <h1 className="page-heading">{t('agenda.title', { date: fmt.date(from) })}</h1>
        <button type="button" className="button-secondary button-small" onClick={() => setMonday(addUtcDays(monday, -7))}>{t('agenda.previous')}</button>
        <button type="button" className="button-secondary button-small" onClick={() => setMonday(utcMondayOf(new Date()))}>{t('agenda.thisWeek')}</button>
        <button type="button" className="button-secondary button-small" onClick={() => setMonday(addUtcDays(monday, 7))}>{t('agenda.next')}</button>
        <button type="button" className="button-primary button-small agenda-export" onClick={() => void exportIcs()}>{t('agenda.export')}</button>
      </div>
      {exportError && <p className="form-error" role="alert">{exportError}</p>}
      {isPending && <p className="muted" role="status">{t('agenda.loading')}</p>}
      {error && <ErrorState title={t('agenda.error')} error={toIpcError(error)} onRetry={() => void refetch()} />}
      {data?.limited && <p className="notice notice-warning">{t('agenda.limited', { n: data.items.length })}</p>}
      {data && (
        <div className="agenda-days">
          {days.map((day) => {
            const key = utcIsoDay(day);
            const items = data.items.filter((item) => item.dueAt.slice(0, 10) === key);
            return (
              <section key={key} className={key === today ? 'agenda-day is-today' : 'agenda-day'} aria-labelledby={`agenda-${key}`}>
                <h2 id={`agenda-${key}`} className="board-column-title">
                  {new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(day)}{' '}
                  <span className="today-count">{items.length}</span>
                </h2>
                {items.length === 0 ? (
                  <p className="muted">{t('agenda.empty')}</p>
                ) : (
                  <ul className="board-cards">
                    {items.map((item) => (
                      <li key={item.id} className="agenda-card">
                        <span className="tp-kind">{t(`touchpointKind.${item.kind}`)}</span>
                        <TouchpointTitle className="agenda-title" title={item.title} />
                        <Link href={accountPath(item.account.id)} className="acct-link">{item.account.name}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
