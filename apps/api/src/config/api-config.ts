import { env, loadConfig } from '@madoguchi/platform';

export const API_CONFIG_SHAPE = {
  DATABASE_URL: env.databaseUrl,
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
