import { spawn, type ChildProcess } from 'node:child_process';

export interface Supervised {
  name: string;
  child: ChildProcess;
}

/** What `npm start` shows of a child's output, and the line that says it is up. */
export interface OutputFilter {
  /** Show every line (LOG_LEVEL was set): otherwise only warnings, errors and stderr. */
  verbose: boolean;
  /** A log message that means the process is up (the worker's "worker started"). */
  readyWhen?: string;
  onReady?: () => void;
}

const WARN = 40;

/**
 * Start a child whose output is prefixed with its name, so three processes share one terminal
 * readably. Unless `verbose`, only what a person must see reaches the terminal: JSON log lines
 * of level warn and above, and anything on stderr.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; output?: OutputFilter },
): Supervised {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}] `;
  const filter = options.output ?? { verbose: true };
  let ready = false;
  const shown = (line: string, fromStderr: boolean): boolean => {
    let entry: { level?: number; msg?: string } | undefined;
    try {
      entry = JSON.parse(line) as { level?: number; msg?: string };
    } catch {
      entry = undefined;
    }
    if (!ready && filter.readyWhen && entry?.msg === filter.readyWhen) {
      ready = true;
      filter.onReady?.();
    }
    return filter.verbose || fromStderr || (entry?.level ?? 0) >= WARN;
  };
  for (const [stream, fromStderr] of [
    [child.stdout, false],
    [child.stderr, true],
  ] as const) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() && shown(line, fromStderr)) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  return { name, child };
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.status < 500) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

export async function stopProcesses(processes: Supervised[], graceMs = 5000): Promise<void> {
  await Promise.all(
    processes.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}
