import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabaseClient, databaseName, withDatabase } from '@madoguchi/db';
import { createDatabase, dropDatabase } from '@madoguchi/db/tools';
import { Client } from 'pg';
import { openCounter, STAFF_PASSWORD } from '../testing/fixtures';
import { killAll, startApi, startWorker, stop, waitFor } from '../testing/processes';

/**
 * The restore drill an operator would run (README, "Backups"): cases registered and their
 * letters made, the database dumped with the machine's pg_dump, restored with its pg_restore into a
 * new database, and the API started on the restored one serves the same cases; every table holds
 * the same rows and every letter the same PDF (by its SHA-256).
 */
const source = process.env.DATABASE_URL!;
const db = createDatabaseClient(source, { poolSize: 2 });
const restored = withDatabase(source, `${databaseName(source)}_restored`);
const work = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-drill-'));

afterEach(() => killAll());
afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(restored).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

/** What must come back whole: row counts of the tables a city cannot lose, and the letters' hashes. */
async function inventory(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of ['cases', 'parties', 'presented_documents', 'case_history', 'inquiry_letters', 'outbox_messages', 'staff_users', 'policy_versions']) {
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    }
    const hashes = (await client.query<{ h: string }>('SELECT pdf_sha256 AS h FROM inquiry_letters WHERE pdf IS NOT NULL ORDER BY id')).rows.map((r) => r.h);
    const pdfsMatchHashes = (
      await client.query<{ ok: boolean }>(`SELECT bool_and(encode(sha256(pdf), 'hex') = pdf_sha256) AS ok FROM inquiry_letters WHERE pdf IS NOT NULL`)
    ).rows[0]!.ok;
    return { counts, hashes, pdfsMatchHashes };
  } finally {
    await client.end();
  }
}

describe('a backup restored', () => {
  it('serves the same cases, and every letter’s PDF comes back byte for byte', async () => {
    // The machine's tools must be of its server's major version (the embedded server has none).
    const server = (await db.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version_num') AS v`)[0]!.v;
    const tool = execFileSync('pg_dump', ['--version'], { encoding: 'utf8' });
    expect(tool).toContain(`PostgreSQL) ${server.slice(0, 2)}`);

    const counter = await openCounter(db);
    let cases: { caseId: string; letterId: string }[];
    try {
      cases = await counter.registerMany(6);
    } finally {
      await stop(counter.api);
    }
    const worker = startWorker();
    const letterIds = cases.map((c) => c.letterId);
    await waitFor(
      async () => (await db.inquiryLetter.count({ where: { id: { in: letterIds }, status: 'ready' } })) === letterIds.length,
      60000,
      () => 'the letters to be made',
    );
    await stop(worker);

    const dump = path.join(work, 'madoguchi.dump');
    execFileSync('pg_dump', ['--format=custom', '--no-owner', '--file', dump, '--dbname', source]);
    await dropDatabase(restored).catch(() => undefined);
    await createDatabase(restored);
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', restored, dump]);

    const [before, after] = [await inventory(source), await inventory(restored)];
    expect(after).toEqual(before);
    expect(after.pdfsMatchHashes).toBe(true);
    expect(after.hashes.length).toBeGreaterThanOrEqual(cases.length);

    const api = await startApi({ DATABASE_URL: restored });
    const login = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clerk', password: STAFF_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    for (const c of cases) {
      const answer = await fetch(`${api.url}/api/cases/${c.caseId}`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(answer.status).toBe(200);
      const view = (await answer.json()) as { id: string; letters: { id: string; status: string }[] };
      expect(view.letters).toEqual([expect.objectContaining({ id: c.letterId, status: 'ready' })]);
    }
    await stop(api);
  }, 180_000);
});
