import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type CreateParams, type DataProvider, type RaRecord, type UpdateParams } from 'react-admin';
import { currentSession } from './authProvider';

/**
 * The only place that knows the HTTP shape: react-admin's simple-rest form for the lists and
 * records, with the login's bearer token, and one named method per action the API offers beyond
 * them (transitions, print runs, the reply desk...). Errors arrive as react-admin's HttpError,
 * whose message is the API's Japanese message and whose body keeps `code` and `details`.
 */
function headers(init: HeadersInit = { Accept: 'application/json' }): Headers {
  const h = new Headers(init);
  const session = currentSession();
  if (session) h.set('Authorization', `Bearer ${session.accessToken}`);
  return h;
}

const httpClient = (url: string, options: fetchUtils.Options = {}) => fetchUtils.fetchJson(url, { ...options, headers: headers(options.headers) });

async function call<T>(method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<T> {
  const { json } = await fetchUtils.fetchJson(path, { method, headers: headers({ Accept: 'application/json', ...extraHeaders }), body: body === undefined ? undefined : JSON.stringify(body) });
  return json as T;
}

const base = simpleRestProvider('/api', httpClient);

/** Fields an administrator may change on an account; the API refuses anything else. */
const STAFF_FIELDS = ['displayName', 'role', 'officeId', 'active'] as const;

export const dataProvider = {
  ...base,
  /** Registration carries an Idempotency-Key, so a double-clicked submit makes one case. */
  create: (async (resource: string, params: CreateParams) => {
    if (resource !== 'cases') return base.create(resource, params);
    const key = (params.meta as { idempotencyKey?: string } | undefined)?.idempotencyKey;
    return { data: await call<RaRecord>('POST', '/api/cases', params.data, key ? { 'Idempotency-Key': key } : undefined) };
  }) as DataProvider['create'],
  update: (async (resource: string, params: UpdateParams) => {
    if (resource !== 'users') return base.update(resource, params);
    const changes = Object.fromEntries(STAFF_FIELDS.filter((f) => params.data[f] !== undefined && params.data[f] !== params.previousData?.[f]).map((f) => [f, params.data[f]]));
    return { data: await call<RaRecord>('PUT', `/api/users/${params.id}`, changes) };
  }) as DataProvider['update'],
  transition: (caseId: string, body: object) => call('POST', `/api/cases/${caseId}/transitions`, body),
  reissueLetter: (caseId: string, body: { version: number; reason: string; note?: string }) => call('POST', `/api/cases/${caseId}/letters`, body),
  lookupReply: (body: { inquiryNumber: string; checkCode: string }) => call('POST', '/api/replies/lookup', body),
  createPrintRun: (caseIds: string[]) => call<{ id: string }>('POST', '/api/print-runs', { caseIds }),
  confirmMailed: (runId: string, withheldCaseIds: string[]) => call('POST', `/api/print-runs/${runId}/mailed`, withheldCaseIds.length ? { withheldCaseIds } : {}),
  cancelPrintRun: (runId: string) => call('POST', `/api/print-runs/${runId}/cancel`),
  retryLetter: (letterId: string) => call('POST', `/api/letters/${letterId}/retry`),
  resetPassword: (userId: string, password: string) => call('POST', `/api/users/${userId}/password`, { password }),
  get: <T,>(path: string) => call<T>('GET', `/api${path}`),
  updateOfficeHours: (officeId: string, hours: unknown) => call('PUT', `/api/offices/${officeId}/hours`, hours),
  changePolicy: (policy: unknown) => call('PUT', '/api/policy', policy),
  /** A stored PDF (letter or print run) as a blob URL: the API wants the bearer token, a plain link cannot send it. */
  async pdfUrl(path: string): Promise<string> {
    const res = await fetch(`/api${path}`, { headers: headers({ Accept: 'application/pdf' }) });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      throw new Error(body.message ?? 'PDFを開けませんでした。');
    }
    return URL.createObjectURL(await res.blob());
  },
} satisfies DataProvider & Record<string, unknown>;

export type MadoguchiDataProvider = typeof dataProvider;
