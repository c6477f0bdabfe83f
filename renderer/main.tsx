import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { useSession } from './stores/session';
import './styles/base.css';
import './styles/shell.css';
import './styles/dashboard.css';

async function start() {
  await useSession.getState().load();
  await initI18n(useSession.getState().language);
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
