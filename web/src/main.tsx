import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { languageOf, translator } from './i18n.ts';
import './styles.css';
import { applyTheme, readLaunch, takeLoginToken } from './telegram.ts';

const launch = readLaunch();
const loginToken = launch ? null : takeLoginToken();
if (launch) applyTheme(launch.theme);
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      {/* The last net: whatever App itself throws leaves words and a reload button, not a blank frame. */}
      <ErrorBoundary
        t={translator(languageOf(launch?.user?.language_code ?? navigator.language))}
        message="appBroken"
      >
        <App launch={launch} loginToken={loginToken} />
      </ErrorBoundary>
    </StrictMode>,
  );
