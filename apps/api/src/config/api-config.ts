import { env, loadConfig } from '@madoguchi/platform';

export const API_CONFIG_SHAPE = {
  DATABASE_URL: env.databaseUrl,
  /** Signs access tokens; at least 32 characters, the same for every API process. */
  AUTH_SECRET: env.secret('AUTH_SECRET'),
  /** Keys the check codes printed on letters; must never change while letters are out. */
  LETTER_SECRET: env.secret('LETTER_SECRET'),
  /** How long a login lasts (a counter shift by default). */
  SESSION_TTL_MINUTES: env.positiveInt(480),
  /** Consecutive wrong passwords before the account is locked for LOCKOUT_MINUTES. */
  LOGIN_MAX_FAILURES: env.positiveInt(5),
  LOCKOUT_MINUTES: env.positiveInt(15),
  /** Login attempts per minute from one address before 429. */
  LOGIN_ATTEMPTS_PER_MINUTE: env.positiveInt(10),
  /** Lists count their matches up to this many (the total of a bigger result is "at least"). */
  LIST_COUNT_CAP: env.positiveInt(1000),
  REDIS_URL: env.redisUrl,
  REDIS_PREFIX: env.redisPrefix,
  PORT: env.port(3000),
  LOG_LEVEL: env.logLevel,
};

export type ApiConfig = ReturnType<typeof loadApiConfig>;

export function loadApiConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(API_CONFIG_SHAPE, source);
}

/** Injection token of the validated configuration. */
export const API_CONFIG = Symbol('API_CONFIG');
