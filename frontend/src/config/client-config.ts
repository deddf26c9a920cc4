/** Where the app signs in, told by the backend at start-up so one build serves every environment. */
export type ClientConfig = {
  issuer: string;
  clientId: string;
};

export async function loadClientConfig(): Promise<ClientConfig> {
  const response = await fetch('/api/v1/client-config', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`The sign-in settings could not be loaded (HTTP ${response.status})`);
  }
  const config = (await response.json()) as Partial<ClientConfig>;
  if (!config.issuer || !config.clientId) {
    throw new Error('The sign-in settings are incomplete');
  }
  return { issuer: config.issuer, clientId: config.clientId };
}
