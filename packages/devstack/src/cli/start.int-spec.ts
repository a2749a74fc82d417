import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const start = path.resolve(__dirname, '../../dist/cli/start.js');

function randomPort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}

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

describe('npm start', () => {
  it('runs API, worker and console together, serves /health and the console page, and stops cleanly', async () => {
    const apiPort = randomPort();
    const consolePort = apiPort + 1;
    const child = spawn(process.execPath, [start], {
      env: { ...process.env, PORT: String(apiPort), CONSOLE_PORT: String(consolePort), DEMO_PASSWORD: 'test-demo-password', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const banner = await waitForOutput(child, 'Madoguchi is running', 90000);
      expect(banner).toContain(`console: http://127.0.0.1:${consolePort}/`);
      expect(banner).toContain('demo logins (password "test-demo-password"): clerk, supervisor, print_staff, admin');

      const health = await fetch(`http://127.0.0.1:${apiPort}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'up', redis: 'up' });

      const page = await fetch(`http://127.0.0.1:${consolePort}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<div id="root"></div>');
      expect(html).toContain('<title>窓口 Madoguchi</title>');

      // The console reaches the API through its own origin.
      const proxied = await fetch(`http://127.0.0.1:${consolePort}/health`);
      expect(await proxied.json()).toEqual({ status: 'ok', database: 'up', redis: 'up' });

      // The demo logins the banner prints work.
      const login = await fetch(`http://127.0.0.1:${consolePort}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'clerk', password: 'test-demo-password' }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: unknown }).user).toMatchObject({ username: 'clerk', role: 'clerk' });
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    }
    await expect(fetch(`http://127.0.0.1:${apiPort}/health`)).rejects.toThrow();
  }, 150000);
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

  it('stops with instructions, starting nothing, when the configured Redis is not there', async () => {
    const { code, output } = await startWith({ REDIS_URL: 'redis://127.0.0.1:1', PORT: String(randomPort()) });
    expect(code).toBe(1);
    expect(output).toContain('Redis is not reachable at redis://127.0.0.1:1.');
    expect(output).toContain('docker compose up -d redis');
    expect(output).not.toContain('is running');
  });
});
