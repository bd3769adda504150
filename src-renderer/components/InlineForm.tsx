import type { ReactNode } from 'react';
import { toIpcError } from '../api/api-client';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';

export interface InlineFormProps {
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  pending: boolean;
  /** Submitting is not offered yet (a required field is empty). */
  disabled?: boolean;
  /** The last failure, shown in words above the buttons. */
  error: unknown;
  /** Wraps the error text ("The touchpoint was not updated: …"); the bare text by default. */
  describeError?: (message: string) => string;
  children: ReactNode;
}

/** A small form shown in place (an action on a row): Enter submits, Escape or Cancel closes it. */
export function InlineForm({ submitLabel, onSubmit, onCancel, pending, disabled, error, describeError, children }: InlineFormProps) {
  const { t } = useT();
  const message = error ? errorText(toIpcError(error), t) : null;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      {children}
      {message && (
        <p className="form-error" role="alert">
          {describeError ? describeError(message) : message}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="button-primary button-small" disabled={pending || disabled}>
          {pending ? t('touchpoints.marking') : submitLabel}
        </button>
        <button type="button" className="button-secondary button-small" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
