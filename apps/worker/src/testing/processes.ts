import { serviceEnv, startApi as startApiProcess, startWorker as startWorkerProcess, type RunningProcess } from '@madoguchi/devstack/testing';
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
