import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadClientConfig } from './config/client-config';
import { i18n } from './lib/i18n/i18n';
import { createUserManager } from './lib/auth/user-manager';
import './app/app.css';

const root = document.getElementById('root');
if (!root) {
  throw new Error('The page has no #root element');
}

loadClientConfig()
  .then((config) => {
    createRoot(root).render(
      <StrictMode>
        <App userManager={createUserManager(config)} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    root.innerHTML = '';
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.className = 'status status--error boot-error';
    const heading = document.createElement('h1');
    heading.textContent = i18n.t('errors.appFailed');
    const detail = document.createElement('p');
    detail.textContent = error instanceof Error ? error.message : String(error);
    box.append(heading, detail);
    root.append(box);
  });
