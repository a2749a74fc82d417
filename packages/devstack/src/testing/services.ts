import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { API_NODE_FLAGS } from '../node-flags';

/**
 * The system's processes for tests that need them running (crash tests, browser journeys): the
 * built API and worker on the run's own database and Redis prefix (set by the jest global setup),
 * their JSON logs collected, and every process killed at the end even when a test fails.
 */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const API_MAIN = path.join(REPO_ROOT, 'apps/api/dist/main.js');
export const WORKER_MAIN = path.join(REPO_ROOT, 'apps/worker/dist/main.js');

/** The environment the services need: the run's database and Redis prefix, fresh secrets unless given. */
export function serviceEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    // The application's role, under row-level security (the owner's URL is the tests' own).
    DATABASE_URL: process.env.DATABASE_APP_URL,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: process.env.REDIS_PREFIX,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    LETTER_SECRET: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'info',
    OUTBOX_POLL_MS: '100',
    // The API checks each answer against its contract schema (a mismatch is a 500 in the test).
    CONTRACT_CHECK: 'strict',
    // Each API process counts its own logins, as a test's own installation; processes meant to share
    // the limits are given one prefix.
    THROTTLE_PREFIX: `${process.env.REDIS_PREFIX}:process-${randomBytes(6).toString('hex')}`,
    ...overrides,
  };
}

export interface RunningProcess {
  child: ChildProcess;
  /** Every JSON log line so far. */
  logs: Record<string, unknown>[];
  /** Everything it printed, for a failing test's message. */
  output(): string;
  exited: Promise<number | null>;
}

const started: RunningProcess[] = [];

/** Kill whatever a test left running (a failed test must not leave a worker taking the next file's jobs). */
export async function killAll(): Promise<void> {
  await Promise.all(started.splice(0).map((p) => stop(p, 'SIGKILL')));
}

export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = REPO_ROOT): RunningProcess {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Record<string, unknown>[] = [];
  let text = '';
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  // 'close', not 'exit': by then everything the process printed has been read. A command that could
  // not be started at all ends it too, saying why (instead of a wait for an exit that never comes).
  const exited = new Promise<number | null>((resolve) => {
    child.once('close', (code) => resolve(code));
    child.once('error', (error) => {
      text += `${command}: ${error.message}\n`;
      resolve(null);
    });
  });
  const running = { child, logs, output: () => text, exited };
  started.push(running);
  return running;
}

/**
 * A service's built entry point. A test run whose build did not come first (turbo's task order, or
 * a lone `npx jest`) is told so at once, instead of waiting out a start-up timeout.
 */
function builtEntry(main: string): string {
  if (!existsSync(main)) {
    throw new Error(`${path.relative(REPO_ROOT, main)} is not built: run \`npm run build\` first (turbo's test tasks depend on it)`);
  }
  return main;
}

/** A worker process (relay and letter worker), as `npm start` runs it. */
export function startWorker(env: NodeJS.ProcessEnv): RunningProcess {
  return startProcess(process.execPath, [builtEntry(WORKER_MAIN)], env);
}

/** Whether a port can be listened on at 127.0.0.1 right now. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * `count` consecutive ports free at 127.0.0.1. Drawn below Linux's ephemeral range (32768+), so an
 * outgoing connection (the API's own to PostgreSQL, say) cannot take one between the probe and the
 * listen; probed, so a service another run left behind is stepped over.
 */
export async function freePorts(count = 1): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const first = 20000 + Math.floor(Math.random() * (32000 - 20000));
    let all = true;
    for (let i = 0; i < count && all; i++) all = await canListen(first + i);
    if (all) return first;
  }
  throw new Error(`no ${count} free consecutive ports found between 20000 and 32000`);
}

/** The API process on a free port; resolves once /health answers. */
export async function startApi(env: NodeJS.ProcessEnv): Promise<RunningProcess & { url: string }> {
  const port = await freePorts();
  const api = startProcess(process.execPath, [...API_NODE_FLAGS, builtEntry(API_MAIN)], { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  void api.exited.then(() => (exited = true));
  await waitFor(
    async () => {
      if (exited) throw new Error(`the API exited while starting:\n${api.output()}`);
      return (await fetch(`${url}/health`).catch(() => undefined)) !== undefined;
    },
    30000,
    () => `the API to start:\n${api.output()}`,
  );
  return { ...api, url };
}

/** Stop a process: SIGTERM (a graceful stop) or SIGKILL (a crash), and wait for it to go. */
export async function stop(p: RunningProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  return p.exited;
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
