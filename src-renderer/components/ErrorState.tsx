import type { IpcError } from '../../src-shared/ipc/ipc-error';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';

interface ErrorStateProps {
  title: string;
  error: IpcError | null;
  onRetry: () => void;
}

/** A failed load: what failed, why in the user's language (the service's words on hover), and Retry. */
export function ErrorState({ title, error, onRetry }: ErrorStateProps) {
  const { t } = useT();
  return (
    <div className="state state-error" role="alert">
      <strong>{title}</strong>
      {error && (
        <p className="error-message" title={error.message}>
          {errorText(error, t)}
        </p>
      )}
      <button type="button" className="button-primary" onClick={onRetry}>
        {t('portfolio.error.retry')}
      </button>
    </div>
  );
}
