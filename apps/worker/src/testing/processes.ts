import { serviceEnv, startApi as startApiProcess, startWorker as startWorkerProcess, waitFor, type RunningProcess } from '@madoguchi/devstack/testing';
import { TEST_LETTER_SECRET } from './fixtures';

export { killAll, stop, waitFor, type RunningProcess } from '@madoguchi/devstack/testing';

/** The worker as `npm start` runs it, with the letter secret the tests check codes against. */
export function startWorker(overrides: Record<string, string> = {}): RunningProcess {
  return startWorkerProcess(serviceEnv({ LETTER_SECRET: TEST_LETTER_SECRET, ...overrides }));
}

export function startApi(overrides: Record<string, string> = {}) {
  return startApiProcess(serviceEnv({ LETTER_SECRET: TEST_LETTER_SECRET, LOG_LEVEL: 'warn', ...overrides }));
}

/** The ids of the letters a worker logged as rendered and stored. */
export function renderedLetterIds(worker: RunningProcess): string[] {
  return worker.logs.filter((l) => l.msg === 'letter rendered').map((l) => String(l.letterId));
}

/**
 * The ids among `letterIds` the workers logged as rendered, once each of them has its line: a worker
 * logs a letter after its render is committed, so the line can come through the pipe a moment after
 * the database says the letter is ready.
 */
export async function renderedLines(workers: RunningProcess[], letterIds: string[]): Promise<string[]> {
  const wanted = new Set(letterIds);
  const rendered = () => workers.flatMap(renderedLetterIds).filter((id) => wanted.has(id));
  await waitFor(
    () => new Set(rendered()).size === wanted.size,
    10000,
    () => `the workers' 'letter rendered' lines:\n${workers.map((w) => w.output()).join('\n---\n')}`,
  );
  return rendered();
}
