import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles.css';
import { applyTheme, readLaunch, takeLoginToken } from './telegram.ts';

const launch = readLaunch();
const loginToken = launch ? null : takeLoginToken();
if (launch) applyTheme(launch.theme);
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App launch={launch} loginToken={loginToken} />
    </StrictMode>,
  );
