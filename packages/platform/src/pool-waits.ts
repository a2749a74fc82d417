/** One wait for a free database connection, as `createDatabaseClient`'s `onPoolWait` reports it. */
export interface PoolWait {
  ms: number;
  waiting: number;
  size: number;
}

/**
 * The waits for a free database connection, summed into one warning line at most every `everyMs`
 * (the first at once): under load a pool too small makes many, and one line per wait would drown
 * the log. The line says it is a wait — the requests were served, later — and how big the pool is.
 */
export function poolWaitReporter(
  warn: (fields: Record<string, number>, message: string) => void,
  everyMs = 10_000,
  now = () => Date.now(),
): (wait: PoolWait) => void {
  let since = -Infinity;
  let count = 0;
  let longest = 0;
  return (wait) => {
    count++;
    longest = Math.max(longest, wait.ms);
    if (now() - since < everyMs) return;
    warn(
      { waits: count, longestMs: longest, waitingNow: wait.waiting, poolSize: wait.size },
      'database pool waits: requests waited for a free connection (raise the pool size, or look for connections held long)',
    );
    since = now();
    count = 0;
    longest = 0;
  };
}
