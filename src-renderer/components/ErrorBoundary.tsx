import { Component, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** The item's own text (a note's markdown), offered in the fallback so nothing is hidden. */
  raw?: string;
  /** A new value (the item's text after an edit) clears the failure and renders again. */
  resetKey?: unknown;
}

interface ErrorBoundaryState {
  error: Error | null;
  resetKey: unknown;
}

/** What stands in for a part that failed to render: a short note, the raw text, and Retry. */
function RenderFailed({ error, raw, onRetry }: { error: Error; raw?: string; onRetry: () => void }) {
  const { t } = useT();
  return (
    <div className="render-failed" title={error.message}>
      <p className="render-failed-text">{t('render.failed')}</p>
      {raw !== undefined && (
        <details className="render-failed-raw">
          <summary>{t('render.showRaw')}</summary>
          <pre>{raw}</pre>
        </details>
      )}
      <button type="button" className="button-secondary button-small" onClick={onRetry}>
        {t('portfolio.error.retry')}
      </button>
    </div>
  );
}

/**
 * Keeps a rendering failure (a stack overflow in a parser, a bug in one section) inside the part
 * that failed: the rest of the window stays usable instead of React unmounting it all. (React
 * itself logs the error with its component stack.)
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: null, resetKey: props.resetKey };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return <RenderFailed error={error} raw={this.props.raw} onRetry={() => this.setState({ error: null })} />;
  }
}
