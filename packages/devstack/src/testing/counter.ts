import { type Database } from '@madoguchi/db';
import { seedDemoData } from '@madoguchi/db/tools';
import { startApi, serviceEnv, type RunningProcess } from './services';

/**
 * Cases made the way the counter makes them, for the tests of the worker and the jobs: through
 * the real API process (`POST /api/cases`), never by copying its rows, so a test's case is
 * exactly a registered case.
 */

/** The demo staff's password in these tests. */
export const STAFF_PASSWORD = 'counter-test-password';

/** The holder of shared/API.md's example registration (江東 花子, born 1950). */
export const EXAMPLE_HOLDER = {
  familyName: '江東',
  givenName: '花子',
  familyNameKana: 'コウトウ',
  givenNameKana: 'ハナコ',
  birthDate: '1950-04-01',
  postalCode: '135-8383',
  address: '東京都江東区東陽4-11-28',
  adultWard: false,
  hasSignatureCertificate: true,
};

/** A registration as the console sends it (`POST /api/cases`), on the agent route. */
export const AGENT_REGISTRATION = {
  route: 'voluntary_agent',
  reason: 'forgotten',
  pins: ['user_auth'],
  holder: EXAMPLE_HOLDER,
  representative: { kind: 'agent', familyName: '江東', givenName: '太郎', familyNameKana: 'コウトウ', givenNameKana: 'タロウ', birthDate: '1975-03-03' },
  documents: [{ presentedBy: 'representative', type: 'passport', expiresOn: '2099-01-01' }],
  // No register connected (the default policy): the clerk checked the typed address against the 住民票.
  attested: ['holder_address_checked'],
};

export interface RegisteredAgentCase {
  caseId: string;
  letterId: string;
  status: number;
}

export interface Counter {
  api: RunningProcess & { url: string };
  /** Register one agent case as the demo clerk; `holder` overrides the holder's names or address. */
  register(holder?: Partial<typeof AGENT_REGISTRATION.holder>): Promise<RegisteredAgentCase>;
  registerMany(count: number): Promise<RegisteredAgentCase[]>;
}

/** Log in to an API process as the demo clerk; answers a function that registers one agent case. */
export async function clerkAt(
  apiUrl: string,
  password = STAFF_PASSWORD,
): Promise<(holder?: Partial<typeof AGENT_REGISTRATION.holder>) => Promise<RegisteredAgentCase>> {
  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'clerk', password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async (holder = {}) => {
    const res = await fetch(`${apiUrl}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ ...AGENT_REGISTRATION, holder: { ...AGENT_REGISTRATION.holder, ...holder } }),
    });
    const body = (await res.json()) as { id?: string; letters?: { id: string }[] };
    return { status: res.status, caseId: body.id ?? '', letterId: body.letters?.[0]?.id ?? '' };
  };
}

/** An API process on the run's database, with the demo staff seeded: the counter, for a test file. */
export async function openCounter(db: Database, env: Record<string, string> = {}): Promise<Counter> {
  await seedDemoData(db, STAFF_PASSWORD);
  const api = await startApi(serviceEnv({ LOG_LEVEL: 'warn', ...env }));
  const register = await clerkAt(api.url);
  const registered = async (holder?: Partial<typeof AGENT_REGISTRATION.holder>) => {
    const c = await register(holder);
    if (c.status !== 201) throw new Error(`registration answered ${c.status}:\n${api.output()}`);
    return c;
  };
  return {
    api,
    register: registered,
    async registerMany(count) {
      const cases = [];
      for (let i = 0; i < count; i++) cases.push(await registered());
      return cases;
    },
  };
}
