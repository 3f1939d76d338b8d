// A render error anywhere below unmounts the whole React tree, which leaves a blank white frame
// and nothing to tap. This catches it and shows what happened with a way out: a reload.
import { Component, type ReactNode } from 'react';
import type { Key, Translate } from './i18n.ts';

interface Props {
  t: Translate;
  /** The words to show: `pageBroken` inside the app (the tab bar stays), `appBroken` at the root. */
  message: Extract<Key, 'pageBroken' | 'appBroken'>;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { t, message } = this.props;
    return (
      <div className="notice" role="alert" data-problem="render">
        <p className="error">{t(message, { reason: error.message })}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('reload')}
        </button>
      </div>
    );
  }
}
