/**
 * `promise`, or a rejection with `message` once `ms` have passed: a call to a server that may be
 * away (Redis, the database) must answer or fail in bounded time, never hang. The timer is
 * cleared when the call answers first.
 */
export async function within<T>(promise: Promise<T>, ms: number, message = `no answer within ${ms} ms`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
