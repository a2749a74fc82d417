/**
 * `npm start` finds or makes a database, a Redis and secrets, and seeds demo staff: right for
 * trying Madoguchi, wrong on a city's server. With NODE_ENV=production it guesses nothing: what
 * it would have to guess is named in one line, and it stops.
 */
export function productionRefusal(env: NodeJS.ProcessEnv, argv: readonly string[]): string | undefined {
  if (env.NODE_ENV !== 'production') return undefined;
  const missing = ['DATABASE_URL', 'REDIS_URL', 'AUTH_SECRET', 'LETTER_SECRET'].filter((name) => !env[name]);
  if (missing.length) {
    return `Configuration error: NODE_ENV=production: ${missing.join(', ')} must be set; in production nothing is guessed (no local or embedded database, no Redis started, no generated secrets).`;
  }
  if (argv.includes('--demo')) return 'Configuration error: NODE_ENV=production: --demo would seed demo staff with a known password; not in production.';
  return undefined;
}
