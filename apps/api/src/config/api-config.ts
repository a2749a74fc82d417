import { env, loadConfig } from '@madoguchi/platform';
import { z } from 'zod';

export const API_CONFIG_SHAPE = {
  DATABASE_URL: env.databaseUrl,
  /** Connections each API process keeps to PostgreSQL; a request waiting for one is logged as a pool wait. */
  DATABASE_POOL_SIZE: env.positiveInt(10),
  /** Signs access tokens; at least 32 characters, the same for every API process. */
  AUTH_SECRET: env.secret('AUTH_SECRET'),
  /** Keys the check codes printed on letters; must never change while letters are out. */
  LETTER_SECRET: env.secret('LETTER_SECRET'),
  /** How long a login lasts (a counter shift by default). */
  SESSION_TTL_MINUTES: env.positiveInt(480),
  /** Failed logins for one username from one address before each further one waits (1 minute, doubling). */
  LOGIN_MAX_FAILURES: env.positiveInt(5),
  /** The longest wait the back-off reaches. */
  LOGIN_BACKOFF_MAX_MINUTES: env.positiveInt(15),
  /**
   * Which proxies' X-Forwarded-For to believe for the caller's address (Fastify's `trustProxy`:
   * `loopback`, addresses or subnets, comma-separated). The console's server forwards from this
   * machine; a production web server elsewhere must be named here, or every counter shares one address.
   */
  TRUST_PROXY: z.string().min(1).default('loopback'),
  /** Login attempts per minute from one address before 429. */
  LOGIN_ATTEMPTS_PER_MINUTE: env.positiveInt(10),
  /** Reply look-ups per minute by one login (session) before 429: a desk checks a form at a time, a guesser many. */
  REPLY_LOOKUPS_PER_MINUTE: env.positiveInt(30),
  /** Lists count their matches up to this many (the total of a bigger result is "at least"). */
  LIST_COUNT_CAP: env.positiveInt(1000),
  EXPORT_ROW_CAP: env.positiveInt(50_000),
  REDIS_URL: env.redisUrl,
  REDIS_PREFIX: env.redisPrefix,
  /**
   * Where the login and reply look-up throttles count in Redis (unset: under REDIS_PREFIX). The API
   * processes that share it share the limits: every process of one installation, and nothing else
   * (each test's API counts on its own).
   */
  THROTTLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:-]{1,100}$/, { error: 'must be 1-100 letters, digits, "-", "_" or ":"' })
    .optional(),
  PORT: env.port(3000),
  /** The address the API listens on: this machine only by default (the console's server forwards to it); 0.0.0.0 in a container. */
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: env.logLevel,
  /**
   * The municipality's resident-record system (docs/resident-register.md): when set, the resident
   * register is asked there over HTTP instead of the embedded `residents` table.
   */
  RESIDENT_REGISTER_URL: z.url({ error: 'must be an http(s) URL' }).optional(),
  /** Sent as `Authorization: Bearer …` to the resident-record system, when it asks for one. */
  RESIDENT_REGISTER_TOKEN: z.string().min(1).optional(),
  /** How long the resident-record system has to answer before the clerk is told it cannot be reached. */
  RESIDENT_REGISTER_TIMEOUT_MS: env.positiveInt(5000),
  /** `strict`: every answer is checked against its route's contract schema, a mismatch is a 500 (the tests run so). */
  CONTRACT_CHECK: z.enum(['off', 'strict'], { error: 'must be off or strict' }).default('off'),
};

export type ApiConfig = ReturnType<typeof loadApiConfig>;

export function loadApiConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(API_CONFIG_SHAPE, source);
}

/** Injection token of the validated configuration. */
export const API_CONFIG = Symbol('API_CONFIG');
