import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePorts } from '../testing/services';

const start = path.resolve(__dirname, '../../dist/cli/start.js');

function waitForOutput(child: ChildProcess, text: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start exited with ${code}:\n${output}`));
    });
  });
}

/** `npm start` on the run's database (given as DATABASE_URL): no demo data unless `--demo`. */
async function startStack(args: string[]) {
  const apiPort = await freePorts(2);
  const consolePort = apiPort + 1;
  const child = spawn(process.execPath, [start, ...args], {
    env: { ...process.env, PORT: String(apiPort), CONSOLE_PORT: String(consolePort), DEMO_PASSWORD: 'test-demo-password', LOG_LEVEL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  };
  return { child, apiPort, consolePort, stop };
}

const login = (consolePort: number, username: string) =>
  fetch(`http://127.0.0.1:${consolePort}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'test-demo-password' }),
  });

describe('npm start', () => {
  it('leaves a database given by DATABASE_URL as it is: no demo accounts, no demo day', async () => {
    const { child, consolePort, stop } = await startStack([]);
    try {
      const banner = await waitForOutput(child, 'Madoguchi is running', 90000);
      expect(banner).toContain('no demo data in a database given by DATABASE_URL');
      expect((await login(consolePort, 'clerk')).status).toBe(401);
    } finally {
      await stop();
    }
  }, 150000);

  it('with --demo: runs API, worker and console, says so in a line each, seeds a demo day, and stops cleanly', async () => {
    const { child, apiPort, consolePort, stop } = await startStack(['--demo']);
    try {
      const banner = await waitForOutput(child, 'Madoguchi is running', 150000);
      // One line per process, the URL and the logins: no route maps, no request logs.
      expect(banner).toMatch(/^api: up /m);
      expect(banner).toMatch(/^worker: up$/m);
      expect(banner).toMatch(/^console: up /m);
      expect(banner).not.toContain('Mapped {');
      expect(banner).not.toContain('request completed');
      expect(banner).toMatch(/^demo day: \d+ cases in every state/m);
      expect(banner).toContain(`console: http://127.0.0.1:${consolePort}/`);
      expect(banner).toContain('demo logins: clerk, supervisor, print_staff, admin');
      // Not a terminal: the demo password is not printed (it would end up in a log file).
      expect(banner).not.toContain('test-demo-password');

      const health = await fetch(`http://127.0.0.1:${apiPort}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'up', redis: 'up' });
      const page = await fetch(`http://127.0.0.1:${consolePort}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>窓口 Madoguchi</title>');

      // The demo day: every state, two overdue, letters waiting to print, one print run mailed.
      const res = await login(consolePort, 'supervisor');
      expect(res.status).toBe(200);
      const token = ((await res.json()) as { accessToken: string }).accessToken;
      const get = async (path: string) => (await fetch(`http://127.0.0.1:${consolePort}/api${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
      const open = (await get('/supervision/open-agent-cases')) as { overdue: number; byState: Record<string, number> };
      expect(open.overdue).toBe(2);
      expect(open.byState).toMatchObject({ received: expect.any(Number), inquiry_mailed: expect.any(Number), reply_returned: 2 });
      const states = new Set(((await get(`/cases?range=${encodeURIComponent('[0,99]')}`)) as { state: string }[]).map((c) => c.state));
      expect([...states].sort()).toEqual(['cancelled', 'completed', 'inquiry_mailed', 'received', 'reply_returned']);
      expect(((await get(`/letters?filter=${encodeURIComponent('{"awaitingPrint":true}')}`)) as unknown[]).length).toBeGreaterThan(0);
      expect(((await get('/print-runs')) as { status: string }[]).map((r) => r.status)).toEqual(['mailed']);
      // Its resident register holds the demo holders (fictional residents).
      const residents = (await get(
        `/residents?familyNameKana=${encodeURIComponent('ミホン')}&givenNameKana=${encodeURIComponent('ハナコ')}&birthDate=1950-04-01`,
      )) as {
        residentId: string;
      }[];
      expect(residents.map((r) => r.residentId)).toEqual(['DEMO-0001']);
      // …and takes the agent route's holders from it.
      const [policy] = (await get('/policy')) as { policy: { residentRegister: string } }[];
      expect(policy!.policy.residentRegister).toBe('required');
    } finally {
      await stop();
    }
    await expect(fetch(`http://127.0.0.1:${apiPort}/health`)).rejects.toThrow();
  }, 240000);
});

describe('npm start refuses to run half-configured', () => {
  function startWith(env: Record<string, string>) {
    return new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [start], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    });
  }

  it('stops at once, naming a malformed port', async () => {
    const { code, output } = await startWith({ PORT: 'abc' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('Configuration error: PORT must be a port number (1-65535) (got "abc").');
  });

  it('in production guesses nothing: without its servers and secrets it stops with one line, starting nothing', async () => {
    const { code, output } = await startWith({ NODE_ENV: 'production', DATABASE_URL: '', REDIS_URL: '', AUTH_SECRET: '', LETTER_SECRET: '' });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'Configuration error: NODE_ENV=production: DATABASE_URL, REDIS_URL, AUTH_SECRET, LETTER_SECRET must be set; in production nothing is guessed (no local or embedded database, no Redis started, no generated secrets).',
    );
  });

  it('stops with instructions, starting nothing, when the configured Redis is not there', async () => {
    const { code, output } = await startWith({ REDIS_URL: 'redis://127.0.0.1:1', PORT: String(await freePorts()) });
    expect(code).toBe(1);
    expect(output).toContain('Redis is not reachable at redis://127.0.0.1:1.');
    expect(output).toContain('docker compose up -d redis');
    expect(output).not.toContain('is running');
  });
});
