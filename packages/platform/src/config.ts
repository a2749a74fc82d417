import { z } from 'zod';

/**
 * Configuration comes from the environment and is checked once at start. A missing or malformed
 * variable stops the process with one line that names it: a mistyped port must not surface later
 * as a confusing failure.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function urlWithProtocol(protocols: string[], example: string) {
  return z.string({ error: `is required (e.g. ${example})` }).refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: `must be a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL (e.g. ${example})` },
  );
}

export const env = {
  databaseUrl: urlWithProtocol(['postgresql:', 'postgres:'], 'postgresql://postgres@127.0.0.1:5432/madoguchi'),
  redisUrl: urlWithProtocol(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
  port: (fallback: number) =>
    z.coerce
      .number({ error: 'must be a port number (1-65535)' })
      .int({ error: 'must be a port number (1-65535)' })
      .min(1, { error: 'must be a port number (1-65535)' })
      .max(65535, { error: 'must be a port number (1-65535)' })
      .default(fallback),
  positiveInt: (fallback: number) =>
    z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be positive' }).default(fallback),
  logLevel: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' })
    .default('info'),
  /** A signing secret: long enough that it was not typed by hand. */
  secret: (name: string) =>
    z
      .string({ error: `is required (at least 32 characters; e.g. openssl rand -base64 48)` })
      .min(32, { error: `must be at least 32 characters (e.g. openssl rand -base64 48)` })
      .describe(name),
  /** Every Redis key of this deployment (or test run) starts with it. */
  redisPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be 1-64 letters, digits, "-" or "_"' })
    .default('madoguchi'),
};

/** Parse `source` (normally process.env) against `shape`; throws ConfigError naming the first bad variable. */
export function loadConfig<S extends z.ZodRawShape>(shape: S, source: Record<string, string | undefined> = process.env): z.infer<z.ZodObject<S>> {
  const values = Object.fromEntries(Object.keys(shape).map((key) => [key, source[key] === '' ? undefined : source[key]]));
  const result = z.object(shape).safeParse(values);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0]);
  const secret = /SECRET|PASSWORD|TOKEN/.test(name);
  const shown = source[name] === undefined ? 'not set' : secret ? 'value hidden' : `got "${source[name]}"`;
  throw new ConfigError(`Configuration error: ${name} ${issue.message} (${shown}).`);
}
