import { Link } from 'wouter';
import { ESCALATION_LEVELS, type EscalationLevel } from '../../src-shared/scoring/escalation';
import { ESCALATION_ROLE_LABELS } from '../../src-shared/scoring/labels';
import { toIpcError } from '../api/api-client';
import { ageText, responseText } from '../components/EscalationsSection';
import { ErrorState } from '../components/ErrorState';
import { useT } from '../i18n/use-t';
import { useOperation } from '../queries/query-client';
import { accountPath } from '../routes/paths';

const LEVELS: readonly EscalationLevel[] = [1, 2, 3, 4, 5];

/** Every open escalation of the book in a column per level (DESIGN §4.6), aged against response time. */
export function EscalationBoardView() {
  const i18n = useT();
  const { t, locale } = i18n;
  const { data, error, isPending, refetch } = useOperation('escalations.board', {});
  if (isPending) {
    return (
      <div className="state state-loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        {t('board.loading')}
      </div>
    );
  }
  if (error) return <ErrorState title={t('board.error')} error={toIpcError(error)} onRetry={() => void refetch()} />;
  return (
    <div className="board">
      <h1 className="page-heading">{t('board.title')}</h1>
      <div className="board-columns">
        {LEVELS.map((level) => {
          const items = data.escalations.filter((e) => e.escalation.level === level);
          const headingId = `board-level-${level}`;
          return (
            <section key={level} className="board-column" aria-labelledby={headingId}>
              <h2 id={headingId} className="board-column-title">
                {t('board.level', { level, role: ESCALATION_ROLE_LABELS[locale][ESCALATION_LEVELS[level].role] })}{' '}
                <span className="today-count">{items.length}</span>
              </h2>
              {items.length === 0 ? (
                <p className="muted">{t('board.empty')}</p>
              ) : (
                <ul className="board-cards">
                  {items.map((item) => (
                    <li key={item.escalation.id} className={item.overdue ? 'board-card is-late' : 'board-card'}>
                      <Link href={accountPath(item.account.id)} className="acct-link">
                        {item.account.name}
                      </Link>
                      <p className="board-reason">{item.escalation.reason}</p>
                      <p className="board-age">
                        <span className={`badge severity-${item.escalation.severity === 'critical' ? 'high' : item.escalation.severity}`}>
                          {t(`escalation.severity.${item.escalation.severity}`)}
                        </span>{' '}
                        {ageText(i18n, item.ageHours)} · {responseText(i18n, item.responseHours)}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
