import { setupServer } from 'msw/node';

/**
 * The fake backend for component tests (msw intercepts fetch). Each test declares the answers it
 * needs with `server.use(http.get('/api/v1/…', …))`; a request nobody answers fails the test.
 */
export const server = setupServer();
