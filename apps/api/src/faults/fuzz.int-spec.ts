import { createDatabaseClient } from '@madoguchi/db';
import { seedDemoData } from '@madoguchi/db/tools';
import { ROLE, unmaskText, type Role } from '@madoguchi/domain';
import { killAll, serviceEnv, startApi, stop, type RunningProcess } from '@madoguchi/devstack/testing';
import fc from 'fast-check';
import { hashPassword } from '../auth/passwords';
import { EXAMPLE_AGENT_CASE } from '../testing/fixtures';
import { DEMO_PASSWORD } from '../testing/test-app';

/**
 * Abuse: random and half-valid bodies, with PINs and individual numbers planted in them, at every
 * write route of the real API process, as every role and as nobody. Only 4xx may come back; the
 * tables keep their row counts; neither the logs (at debug level) nor the database hold anything
 * planted.
 */
const NUMBER = '987654321018'; // a valid individual number (check digit 8)
const PIN = '5820';
const SIGNATURE_PIN = 'QX7K2M9P';
const PLANTED = [
  NUMBER,
  PIN,
  SIGNATURE_PIN,
  `暗証番号は${PIN}です`,
  `個人番号 ${NUMBER}`,
  `PIN ${SIGNATURE_PIN}`,
  `${NUMBER.slice(0, 4)} ${NUMBER.slice(4, 8)} ${NUMBER.slice(8)}`,
  // The disguises of the security issue: other scripts' digits, invisible characters, separators.
  `暗証番号:${PIN}`,
  [...PIN].join(' '),
  [...PIN].map((d) => String.fromCodePoint(0x0660 + Number(d))).join(''),
  `ID${NUMBER}`,
  `${NUMBER.slice(0, 4)}.${NUMBER.slice(4, 8)}.${NUMBER.slice(8)}`,
  [...NUMBER].join('\u200b'),
  `PIN ${SIGNATURE_PIN.slice(0, 4)}-${SIGNATURE_PIN.slice(4)}`,
];
/** Text no field may store: NUL, an unpaired surrogate, a direction override, invisible characters only. */
const UNSTORABLE = ['\u0000', 'a\u0000b', '\ud800', '\udc00x', `x\u202E${PIN}`, '\u200b\u200d'];
const PASSWORD = 'fuzz-test-password';
const RUNS_PER_ROUTE_AND_CALLER = 20;
const TABLES = [
  'cases',
  'parties',
  'presented_documents',
  'case_history',
  'inquiry_letters',
  'outbox_messages',
  'print_runs',
  'staff_users',
  'staff_sessions',
  'policy_versions',
  'idempotency_keys',
] as const;

const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
let api: RunningProcess & { url: string };

afterAll(async () => {
  await killAll();
  await db.$disconnect();
});

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
  return counts;
}

/**
 * A planted value standing on its own (a PIN inside a UUID's hex is not one), disguised or not:
 * read as the guard reads (digits of any script as 0–9, invisible characters dropped) and with
 * the separators between digits and letters taken out.
 */
function holdsPlanted(raw: string): string | undefined {
  // Ids are random: a UUID's 4-hex group is the planted PIN about once in 65,536 (and the tables hold
  // thousands), and no planted value can hide in one.
  const text = raw.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
  const joined = unmaskText(text).replace(/(?<=[0-9A-Za-z])[ ./,_:-](?=[0-9A-Za-z])/g, '');
  return [NUMBER, SIGNATURE_PIN, PIN].find((value) =>
    [text, joined].some((t) => new RegExp(`(?<![0-9A-Za-z])${value}(?![0-9A-Za-z])`).test(t) || (value === NUMBER && t.includes(`ID${NUMBER}`))),
  );
}

/** Example bodies the fuzzer bends: a valid one per route, so half-valid bodies reach the deeper checks. */
function exampleFor(path: string): Record<string, unknown> {
  if (path === '/api/cases' || path === '/api/requirements') return { ...EXAMPLE_AGENT_CASE, on: '2026-11-25' };
  if (path.endsWith('/transitions')) return { to: 'completed', version: 1 };
  if (path.endsWith('/letters')) return { version: 2, reason: 'lost' };
  if (path === '/api/print-runs') return { caseIds: [] };
  if (path.endsWith('/mailed')) return { withheldCaseIds: [] };
  if (path === '/api/replies/lookup') return { inquiryNumber: 'K7Q-M3X-A9T', checkCode: 'ABC-DE7' };
  if (path === '/api/auth/login') return { username: 'fuzz_clerk', password: 'wrong-password' };
  if (path === '/api/users')
    return { username: 'fuzzed', displayName: 'x', role: 'clerk', officeId: '00000000-0000-4000-8000-000000000000', password: 'short' };
  if (path.endsWith('/password')) return { password: 'short' };
  if (path.endsWith('/hours')) return { weekly: { '1': { opens: '17:00', closes: '08:30' } } };
  if (path === '/api/policy') return { replyDeadlineDays: 0 };
  return {};
}

const planted = fc.constantFrom(...PLANTED);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), planted, fc.constantFrom(...UNSTORABLE));
/** A body: random JSON, or an example with one field bent, or an example with secrets beside it. */
const bodyFor = (example: Record<string, unknown>) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.tuple(fc.constantFrom(...Object.keys(example), 'extra'), anyValue).map(([key, value]) => ({ ...example, [key]: value })),
    fc.record({ pin: planted, individualNumber: planted, note: planted }).map((secrets) => ({ ...example, ...secrets })),
  );

describe('random bodies at every write route', () => {
  it('get only 4xx answers, change no row counts, and leave no planted secret in the logs or the database', async () => {
    await seedDemoData(db, DEMO_PASSWORD);
    const hq = await db.office.findFirstOrThrow({ where: { code: 'HQ' } });
    const passwordHash = await hashPassword(PASSWORD);
    for (const role of ROLE.values) {
      await db.staffUser.upsert({
        where: { municipalityId_username: { municipalityId: hq.municipalityId, username: `fuzz_${role}` } },
        create: { username: `fuzz_${role}`, displayName: `fuzz ${role}`, role, officeId: hq.id, passwordHash },
        update: {},
      });
    }
    api = await startApi(serviceEnv({ LOG_LEVEL: 'debug', LOGIN_ATTEMPTS_PER_MINUTE: '1000000', LOGIN_MAX_FAILURES: '1000000' }));
    const call = (method: string, path: string, token: string | undefined, body: unknown) =>
      fetch(`${api.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const tokens = {} as Record<Role, string>;
    for (const role of ROLE.values)
      tokens[role] = (
        (await (await call('POST', '/api/auth/login', undefined, { username: `fuzz_${role}`, password: PASSWORD })).json()) as { accessToken: string }
      ).accessToken;

    // Real ids for the routes that take one, beside junk.
    const registered = (await (await call('POST', '/api/cases', tokens.clerk, EXAMPLE_AGENT_CASE)).json()) as { id: string; letters: { id: string }[] };
    const clerk = await db.staffUser.findFirstOrThrow({ where: { username: 'fuzz_clerk' } });
    const ids = fc.constantFrom(
      registered.id,
      registered.letters[0]!.id,
      clerk.id,
      hq.id,
      '00000000-0000-4000-8000-000000000000',
      'not-an-id',
      '%00',
      '..%2F..%2Fetc',
      NUMBER,
      PIN,
    );

    const spec = (await (await fetch(`${api.url}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    // Logging out takes no body and would end the very sessions the fuzzer calls with.
    const routes = Object.entries(spec.paths)
      .filter(([path]) => path !== '/api/auth/logout')
      .flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((m) => m === 'post' || m === 'put')
          .map((m) => ({ method: m.toUpperCase(), path })),
      );
    expect(routes.length).toBeGreaterThanOrEqual(15);

    const before = await rowCounts();
    // A well-formed random week is a valid change of opening hours: put them back afterwards.
    const hours = await db.office.findMany({ select: { id: true, hours: true } });
    const statuses = new Map<number, number>();
    let requests = 0;
    for (const route of routes) {
      for (const caller of [...ROLE.values, undefined]) {
        await fc.assert(
          fc.asyncProperty(bodyFor(exampleFor(route.path)), ids, async (body, id) => {
            const path = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
            const res = await call(route.method, path, caller && tokens[caller], body);
            requests++;
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const answer = await res.text();
            expect([route.method, path, res.status, res.status < 500]).toEqual([route.method, path, res.status, true]);
            expect(holdsPlanted(answer)).toBeUndefined();
          }),
          { numRuns: RUNS_PER_ROUTE_AND_CALLER },
        );
      }
    }
    expect(await rowCounts()).toEqual(before);
    await stop(api);
    for (const office of hours) await db.office.update({ where: { id: office.id }, data: { hours: office.hours ?? {} } });

    expect(holdsPlanted(api.output())).toBeUndefined();
    for (const table of TABLES) {
      const rows = await db.$queryRawUnsafe<{ j: Record<string, unknown> }[]>(`SELECT row_to_json(t) AS j FROM ${table} t`);
      for (const { j } of rows) {
        delete j.pdf;
        expect([table, holdsPlanted(JSON.stringify(j))]).toEqual([table, undefined]);
      }
    }
    // The callers stayed logged in throughout: most answers are the routes' own refusals, not 401.
    expect((statuses.get(401) ?? 0) / requests).toBeLessThan(0.5);
    console.log(
      `fuzz: ${requests} requests at ${routes.length} write routes; answers ${[...statuses]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}; 0 5xx; row counts unchanged; nothing planted in logs or tables`,
    );
  }, 300000);
});
