import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_POLICY } from '@madoguchi/domain';
import { agentCaseFromRegister } from '../testing/fixtures';
import { useTestCity } from '../testing/test-city';

/**
 * The HTTP adapter of the resident register (docs/resident-register.md), against a small
 * resident-record system this test runs: its answers, and its failures — a 5xx, a timeout, an
 * answer of the wrong shape — each a 503 the clerk can retry, with nothing registered.
 */
const RESIDENT = {
  residentId: 'K-77',
  familyName: '遠隔',
  givenName: '花子',
  familyNameKana: 'エンカク',
  givenNameKana: 'ハナコ',
  birthDate: '1950-04-01',
  postalCode: '100-0007',
  address: '試験県試験市遠町7-7-7',
};
let mode: 'ok' | 'error' | 'silent' | 'garbled' = 'ok';
const requests: { url: string; authorization?: string }[] = [];
const held: ServerResponse[] = [];
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
  if (mode === 'silent') return void held.push(res); // never answers: the API's timeout decides
  if (mode === 'error') return void res.writeHead(503).end('maintenance');
  const url = new URL(req.url ?? '/', 'http://register');
  res.setHeader('content-type', 'application/json');
  if (mode === 'garbled') return void res.end(JSON.stringify([{ name: 'not the documented shape' }]));
  const path = url.pathname.replace(/^\/register/, ''); // the system is served under a base path
  if (path === '/residents') return void res.end(JSON.stringify(url.searchParams.get('familyNameKana') === 'エンカク' ? [RESIDENT] : []));
  if (path === `/residents/${RESIDENT.residentId}`) return void res.end(JSON.stringify(RESIDENT));
  res.writeHead(404).end('{}');
});
const listening = new Promise<string>((resolve) =>
  server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/register`)),
);
let url = '';
beforeAll(async () => {
  url = await listening;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const t = useTestCity('990718', () => ({
  RESIDENT_REGISTER_URL: url,
  RESIDENT_REGISTER_TOKEN: 'register-token-990718',
  RESIDENT_REGISTER_TIMEOUT_MS: '300',
}));
const as = t.as;
const query = { familyNameKana: 'エンカク', givenNameKana: 'ハナコ', birthDate: '1950-04-01' };
const byRegister = agentCaseFromRegister(RESIDENT.residentId);

describe('the resident register over HTTP', () => {
  it('is the default where it is connected: every policy preset has the register decide the agent route’s holder', async () => {
    const presets = (await as('admin').get('/api/policy/presets').expect(200)).body as { policy: { residentRegister: string } }[];
    expect(presets.length).toBeGreaterThan(0);
    expect(new Set(presets.map((p) => p.policy.residentRegister))).toEqual(new Set(['required']));
  });

  it('asks the city’s system with the municipality’s code and its token, and answers what it holds', async () => {
    mode = 'ok';
    const found = await as('clerk').get('/api/residents').query(query).expect(200);
    expect(found.body).toEqual([RESIDENT]);
    expect(requests.at(-1)).toEqual({
      url: `/register/residents?municipality=990718&familyNameKana=${encodeURIComponent('エンカク')}&givenNameKana=${encodeURIComponent('ハナコ')}&birthDate=1950-04-01`,
      authorization: 'Bearer register-token-990718',
    });
  });

  it('registers the holder as the system holds them, recording the http adapter', async () => {
    mode = 'ok';
    await as('admin')
      .put('/api/policy', { ...DEFAULT_POLICY, residentRegister: 'required' })
      .expect(200);
    const made = await as('clerk').post('/api/cases', byRegister).expect(201);
    expect(made.body.holder).toMatchObject({ familyName: '遠隔', address: '試験県試験市遠町7-7-7', postalCode: '100-0007' });
    expect(made.body.history[0].details).toEqual({ residentRegister: { source: 'http', residentId: 'K-77' } });
    expect((await as('clerk').post('/api/cases', agentCaseFromRegister('K-00')).expect(422)).body.details[0].code).toBe('holder_not_in_register');
  });

  it.each(['error', 'silent', 'garbled'] as const)('when the system is %s: 503 住民記録を確認できません, and nothing is registered', async (failure) => {
    mode = failure;
    const lookup = await as('clerk').get('/api/residents').query(query).expect(503);
    expect(lookup.body).toMatchObject({ code: 'resident_register_unavailable', message: expect.stringContaining('住民記録を確認できません') });
    const before = await t.db.pinResetCase.count({ where: { office: { municipalityId: t.city.municipalityId } } });
    const registering = await as('clerk').post('/api/cases', byRegister).expect(503);
    expect(registering.body.code).toBe('resident_register_unavailable');
    expect(await t.db.pinResetCase.count({ where: { office: { municipalityId: t.city.municipalityId } } })).toBe(before);
  });
});
