import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { referenceQuery } from './lib/reference/reference';
import { cityQuery } from './lib/city/city';
import { loadClientConfig } from './config/client-config';
import { i18n } from './lib/i18n/i18n';
import { createUserManager } from './lib/auth/user-manager';
import './app/app.css';

const root = document.getElementById('root');
if (!root) {
  throw new Error('The page has no #root element');
}

// No waterfall: the sign-in settings, the first page's code (the router starts loading the lazy
// route of the current address as soon as it exists) and the reference data every page uses are
// all asked for at once, instead of the page and its data waiting for the settings.
const queryClient = createQueryClient();
void queryClient.prefetchQuery(referenceQuery);
const profile = /^\/cities\/([^/]+)\/?$/.exec(window.location.pathname);
if (profile?.[1]) void queryClient.prefetchQuery(cityQuery(decodeURIComponent(profile[1])));
const router = createAppRouter();

loadClientConfig()
  .then((config) => {
    createRoot(root).render(
      <StrictMode>
        <App userManager={createUserManager(config)} startedQueryClient={queryClient} startedRouter={router} />
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
