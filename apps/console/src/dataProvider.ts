import type {
  ApiError,
  CaseView,
  CorrectCaseBody,
  LetterReturnBody,
  Health,
  LetterReissueBody,
  LetterSummary,
  MonthlyReport,
  OfficeHoursBody,
  OfficeView,
  OpenAgentCases,
  PolicyPresetView,
  ResidentQuery,
  ResidentView,
  PolicyView,
  PrintRunView,
  QueueOverview,
  RegisterCaseBody,
  ReplyBody,
  ReplyCheck,
  ReplyMatch,
  StaffView,
  TransitionBody,
  UpdateStaffBody,
  WalkInsToday,
} from '@madoguchi/contract';
import type { MunicipalityPolicy } from '@madoguchi/domain';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider, type UpdateParams } from 'react-admin';
import { currentSession } from './authProvider';
import { i18nProvider } from './i18n';

/**
 * The only place that knows the HTTP shape: react-admin's simple-rest form for the lists and
 * records, with the login's bearer token and the console's language (the API answers refusals in
 * it), and one typed method per action the API offers beyond them. Errors arrive as react-admin's
 * HttpError: its message is the API's message, its body the API's `{code, message, details}` plus
 * `errors` (each refused field by its path), which react-admin's own forms show under the field.
 */
function headers(init: HeadersInit = { Accept: 'application/json' }): Headers {
  const h = new Headers(init);
  const session = currentSession();
  if (session) h.set('Authorization', `Bearer ${session.accessToken}`);
  h.set('Accept-Language', i18nProvider.getLocale() === 'en' ? 'en' : 'ja');
  return h;
}

/** An API refusal as react-admin's HttpError, with the refused fields where its forms look for them. */
function withFieldErrors(error: unknown): unknown {
  if (!(error instanceof HttpError)) return error;
  const body = error.body as Partial<ApiError> | undefined;
  if (!body?.details) return error;
  const errors = Object.fromEntries(body.details.filter((d) => d.path).map((d) => [d.path, d.message]));
  return new HttpError(error.message, error.status, { ...body, errors });
}

const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, headers: headers(options.headers) }).catch((e: unknown) => Promise.reject(withFieldErrors(e)));

async function call<T>(method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<T> {
  const { json } = await httpClient(path, {
    method,
    headers: { Accept: 'application/json', ...extraHeaders },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return json as T;
}

const base = simpleRestProvider('/api', httpClient);

/** Fields an administrator may change on an account; the API refuses anything else. */
const STAFF_FIELDS = ['displayName', 'role', 'officeId', 'active'] as const;

export const dataProvider = {
  ...base,
  update: (async (resource: string, params: UpdateParams) => {
    if (resource !== 'users') return base.update(resource, params);
    const changes: UpdateStaffBody = Object.fromEntries(
      STAFF_FIELDS.filter((f) => params.data[f] !== undefined && params.data[f] !== params.previousData?.[f]).map((f) => [f, params.data[f]]),
    );
    return { data: await call<StaffView>('PUT', `/api/users/${params.id}`, changes) };
  }) as DataProvider['update'],
  /** 受付, with an Idempotency-Key, so a double-clicked submit makes one case. */
  registerCase: (body: RegisterCaseBody, idempotencyKey: string) => call<CaseView>('POST', '/api/cases', body, { 'Idempotency-Key': idempotencyKey }),
  transition: (caseId: string, body: TransitionBody) => call<CaseView>('POST', `/api/cases/${caseId}/transitions`, body),
  reissueLetter: (caseId: string, body: LetterReissueBody) => call<CaseView>('POST', `/api/cases/${caseId}/letters`, body),
  correctCase: (caseId: string, body: CorrectCaseBody) => call<CaseView>('PATCH', `/api/cases/${caseId}`, body),
  recordReturnedLetter: (body: LetterReturnBody) => call<LetterSummary>('POST', '/api/letters/returned', body),
  lookupReply: (body: ReplyBody) => call<ReplyMatch>('POST', '/api/replies/lookup', body),
  createPrintRun: (caseIds: string[]) => call<PrintRunView>('POST', '/api/print-runs', { caseIds }),
  confirmMailed: (runId: string, withheldCaseIds: string[]) =>
    call<PrintRunView>('POST', `/api/print-runs/${runId}/mailed`, withheldCaseIds.length ? { withheldCaseIds } : {}),
  cancelPrintRun: (runId: string) => call<PrintRunView>('POST', `/api/print-runs/${runId}/cancel`),
  retryLetter: (letterId: string) => call<LetterSummary>('POST', `/api/letters/${letterId}/retry`),
  resetPassword: (userId: string, password: string) => call<StaffView>('POST', `/api/users/${userId}/password`, { password }),
  offices: () => call<OfficeView[]>('GET', '/api/offices'),
  policies: () => call<PolicyView[]>('GET', '/api/policy'),
  policyPresets: () => call<PolicyPresetView[]>('GET', '/api/policy/presets'),
  residents: (query: ResidentQuery) => call<ResidentView[]>('GET', `/api/residents?${new URLSearchParams(query).toString()}`),
  updateOfficeHours: (officeId: string, hours: OfficeHoursBody) => call<OfficeView>('PUT', `/api/offices/${officeId}/hours`, hours),
  /** A new policy version, as an edit of `editedVersion`: refused (policy_changed) if another admin saved since. */
  changePolicy: (policy: MunicipalityPolicy, editedVersion: number | undefined) =>
    call<PolicyView>('PUT', '/api/policy', policy, editedVersion === undefined ? undefined : { 'If-Match': `"${editedVersion}"` }),
  /** Who checked the case's returned reply, when, with what outcome (supervisors). */
  replyChecks: (caseId: string) => call<ReplyCheck[]>('GET', `/api/cases/${caseId}/audit`),
  openAgentCases: () => call<OpenAgentCases>('GET', '/api/supervision/open-agent-cases'),
  monthlyReport: (month: string, officeId?: string) =>
    call<MonthlyReport>('GET', `/api/reports/monthly?month=${month}${officeId ? `&officeId=${officeId}` : ''}`),
  walkInsToday: () => call<WalkInsToday>('GET', '/api/supervision/walk-ins-today'),
  queueOverview: () => call<QueueOverview>('GET', '/api/supervision/queue'),
  /** Whether the API, its database and Redis answer (`GET /health`, no login needed). */
  health: () =>
    call<Health>('GET', '/health').catch((error: unknown) => {
      // 503 still carries the report: which of the two is down.
      const report = error instanceof HttpError ? (error.body as Health | undefined) : undefined;
      if (report?.database) return report;
      throw error;
    }),
  /** A stored PDF (letter or print run) as a blob URL: the API wants the bearer token, a plain link cannot send it. */
  async pdfUrl(path: string): Promise<string> {
    return (await dataProvider.document(path)).url;
  },
  /** A document the API serves (PDF, CSV) as a blob URL, with the answer's headers (an export says when it was capped). */
  async document(path: string): Promise<{ url: string; headers: Headers }> {
    const res = await fetch(`/api${path}`, { headers: headers({ Accept: 'application/pdf, text/csv' }) });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      throw new Error(body.message ?? 'PDF');
    }
    return { url: URL.createObjectURL(await res.blob()), headers: res.headers };
  },
} satisfies DataProvider & Record<string, unknown>;

export type MadoguchiDataProvider = typeof dataProvider;
