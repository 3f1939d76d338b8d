import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles.css';
import { applyTheme, readLaunch } from './telegram.ts';

const launch = readLaunch();
if (launch) applyTheme(launch.theme);
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App launch={launch} />
    </StrictMode>,
  );
