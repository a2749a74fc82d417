import { poolWaitReporter } from './pool-waits';

describe('poolWaitReporter', () => {
  it('says the first wait at once, then sums the waits into one line at most every period', () => {
    const lines: Record<string, number>[] = [];
    let clock = 0;
    const report = poolWaitReporter(
      (fields) => lines.push(fields),
      10_000,
      () => clock,
    );
    report({ ms: 60, waiting: 1, size: 10 });
    clock = 2_000;
    report({ ms: 120, waiting: 3, size: 10 });
    clock = 5_000;
    report({ ms: 80, waiting: 2, size: 10 });
    expect(lines).toEqual([{ waits: 1, longestMs: 60, waitingNow: 1, poolSize: 10 }]);
    clock = 10_000;
    report({ ms: 70, waiting: 1, size: 10 });
    expect(lines).toEqual([
      { waits: 1, longestMs: 60, waitingNow: 1, poolSize: 10 },
      { waits: 3, longestMs: 120, waitingNow: 1, poolSize: 10 },
    ]);
  });
});
