import { fetchUtils } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { currentSession } from './authProvider';

/** The only place that knows the HTTP shape: react-admin's simple-rest form, with the login's bearer token. */
const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const session = currentSession();
  if (session) headers.set('Authorization', `Bearer ${session.accessToken}`);
  return fetchUtils.fetchJson(url, { ...options, headers });
};

export const dataProvider = simpleRestProvider('/api', httpClient);
