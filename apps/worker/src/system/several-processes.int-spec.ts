import { randomBytes } from 'node:crypto';
import { createDatabaseClient } from '@madoguchi/db';
import { seedDemoData } from '@madoguchi/db/tools';
import { AGENT_REGISTRATION } from '@madoguchi/devstack/testing';
import { STAFF_PASSWORD } from '../testing/fixtures';
import { killAll, renderedLines, startApi, startWorker, waitFor, type RunningProcess } from '../testing/processes';

/**
 * Two API processes and two workers on one PostgreSQL and one Redis, as a city runs them behind
 * nginx: what must hold whichever process a request reaches — one winner of a race, one case per
 * idempotency key, each letter rendered once, each letter in one print run, and the login limits
 * counted across the processes.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
/** What the processes share, as the units' one environment file gives them. */
const shared = {
  AUTH_SECRET: randomBytes(32).toString('base64'),
  THROTTLE_PREFIX: `${process.env.REDIS_PREFIX}:several-processes`,
  LOGIN_ATTEMPTS_PER_MINUTE: '6',
  LOGIN_MAX_FAILURES: '3',
};

let apis: (RunningProcess & { url: string })[];
let workers: RunningProcess[];
const tokens: Record<string, string> = {};

jest.setTimeout(120000);

beforeAll(async () => {
  await seedDemoData(db, STAFF_PASSWORD);
  apis = await Promise.all([startApi(shared), startApi(shared)]);
  workers = [startWorker(), startWorker()];
  // Logged in on one process, working on both: the session is the database's, not the process's.
  for (const username of ['clerk', 'print_staff']) {
    const res = await login(0, username, STAFF_PASSWORD, '192.0.2.1');
    tokens[username] = ((await res.json()) as { accessToken: string }).accessToken;
  }
}, 120000);

afterAll(async () => {
  await killAll();
  await db.$disconnect();
});

/** A request to API process `n`, as the counter PC at `address` (nginx says so in X-Forwarded-For). */
function call(n: number, method: string, path: string, options: { token?: string; body?: unknown; key?: string; address?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': options.address ?? '192.0.2.1' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.key) headers['idempotency-key'] = options.key;
  return fetch(`${apis[n % 2]!.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

function login(n: number, username: string, password: string, address: string) {
  return call(n, 'POST', '/api/auth/login', { body: { username, password }, address });
}

/** A self walk-in (the example of API.md), completed or cancelled in one move. */
const SELF = {
  route: 'self',
  reason: 'locked',
  pins: ['user_auth'],
  holder: AGENT_REGISTRATION.holder,
  documents: [
    { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-04-01' },
    { presentedBy: 'holder', type: 'qualification_certificate' },
  ],
};

describe('two API processes and two workers', () => {
  it('of 50 moves on one case, sent to both processes at once, exactly one wins and the rest are 409', async () => {
    const registered = await call(0, 'POST', '/api/cases', { token: tokens.clerk, body: SELF });
    expect(registered.status).toBe(201);
    const { id } = (await registered.json()) as { id: string };
    const moves = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(i, 'POST', `/api/cases/${id}/transitions`, {
          token: tokens.clerk,
          body: i % 3 ? { to: 'completed', version: 1 } : { to: 'cancelled', version: 1, reason: 'withdrawn' },
        }),
      ),
    );
    const statuses = moves.map((m) => m.status);
    expect({ won: statuses.filter((s) => s === 200).length, lost: statuses.filter((s) => s === 409).length }).toEqual({ won: 1, lost: 49 });
    expect(await db.caseHistory.count({ where: { caseId: id } })).toBe(2);
  });

  it('one Idempotency-Key sent to both processes at once makes one case, and each answer names it', async () => {
    const key = `several-processes-${randomBytes(8).toString('hex')}`;
    const before = await db.pinResetCase.count();
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => call(i, 'POST', '/api/cases', { token: tokens.clerk, body: SELF, key })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const ids = await Promise.all(answers.map(async (a) => ((await a.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(1);
    expect(await db.pinResetCase.count()).toBe(before + 1);
  });

  it('renders each letter once between the two workers, and gives the letters to one of two print runs made at once', async () => {
    const registered = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(i, 'POST', '/api/cases', {
          token: tokens.clerk,
          body: { ...AGENT_REGISTRATION, holder: { ...AGENT_REGISTRATION.holder, address: `東京都江東区東陽4-11-${i + 1}` } },
        }),
      ),
    );
    expect(registered.map((r) => r.status)).toEqual(Array(20).fill(201));
    const cases = await Promise.all(registered.map(async (r) => (await r.json()) as { id: string; letters: { id: string }[] }));
    const letterIds = cases.map((c) => c.letters[0]!.id);
    await waitFor(
      async () => (await db.inquiryLetter.count({ where: { id: { in: letterIds }, status: 'ready' } })) === 20,
      60000,
      () => `the letters:\n${workers.map((w) => w.output()).join('\n---\n')}`,
    );
    expect((await renderedLines(workers, letterIds)).sort()).toEqual([...letterIds].sort());

    const caseIds = cases.map((c) => c.id);
    const [a, b] = await Promise.all([0, 1].map((n) => call(n, 'POST', '/api/print-runs', { token: tokens.print_staff, body: { caseIds } })));
    expect([a!.status, b!.status].sort()).toEqual([201, 409]);
    const run = (await (a!.status === 201 ? a! : b!).json()) as { id: string };
    await waitFor(
      async () => (await db.printRun.findUniqueOrThrow({ where: { id: run.id } })).status === 'ready',
      60000,
      () => `the print run:\n${workers.map((w) => w.output()).join('\n---\n')}`,
    );
    const renders = workers.flatMap((w) => w.logs.filter((l) => l.msg === 'print run rendered' && l.printRunId === run.id));
    expect(renders).toHaveLength(1);
    expect(await db.inquiryLetter.count({ where: { id: { in: letterIds }, status: 'printed' } })).toBe(20);
  });

  it('counts one counter PC’s logins across both processes: 6 a minute in all, not 6 each', async () => {
    const address = '198.51.100.7';
    const tries = [];
    // Different unknown usernames: the per-username back-off stays out of it.
    for (let i = 0; i < 6; i++) tries.push((await login(i, `nobody-${i}`, 'not-a-password', address)).status);
    expect(tries).toEqual([401, 401, 401, 401, 401, 401]);
    const seventh = await login(0, 'nobody-7', 'not-a-password', address);
    expect(seventh.status).toBe(429);
    expect((await login(1, 'nobody-8', 'not-a-password', address)).status).toBe(429);
    // Another counter PC is not held back by it.
    expect((await login(1, 'nobody-9', 'not-a-password', '198.51.100.8')).status).toBe(401);
  });

  it('holds back a username after its failures wherever they were made, the right password included', async () => {
    const address = '198.51.100.20';
    const failures = [];
    for (let i = 0; i < 3; i++) failures.push((await login(i, 'clerk', 'wrong-password-here', address)).status);
    expect(failures).toEqual([401, 401, 401]);
    const held = await login(1, 'clerk', STAFF_PASSWORD, address);
    expect(held.status).toBe(429);
    expect(((await held.json()) as { code: string }).code).toBe('login_backoff');
  });
});
