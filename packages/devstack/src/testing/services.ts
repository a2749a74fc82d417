import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

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
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: process.env.REDIS_PREFIX,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    LETTER_SECRET: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'info',
    OUTBOX_POLL_MS: '100',
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
  // 'close', not 'exit': by then everything the process printed has been read.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const running = { child, logs, output: () => text, exited };
  started.push(running);
  return running;
}

/** A worker process (relay and letter worker), as `npm start` runs it. */
export function startWorker(env: NodeJS.ProcessEnv): RunningProcess {
  return startProcess(process.execPath, [WORKER_MAIN], env);
}

export function randomPort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}

/** The API process on a free port; resolves once /health answers. */
export async function startApi(env: NodeJS.ProcessEnv): Promise<RunningProcess & { url: string }> {
  const port = randomPort();
  const api = startProcess(process.execPath, [API_MAIN], { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/health`).catch(() => undefined)) !== undefined, 30000, () => `the API to start:\n${api.output()}`);
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
