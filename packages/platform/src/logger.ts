import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Structured logs that never carry a PIN, a password, a token or a 12-digit individual number.
 * Fields are redacted by name (anything that sounds like a PIN or a secret); every string value
 * is also scrubbed of digit runs that could be a PIN or an individual number, wherever they sit.
 */
const SECRET_KEY = /pin|password|passwd|secret|token|authorization|cookie|暗証|個人番号|mynumber|my_number|individualnumber/i;
// Four or more digits standing alone (a PIN, or the 12-digit number, possibly spaced or hyphenated).
const DIGIT_RUN = /(?<![\d])\d(?:[\s-]?\d){3,}(?![\d])/g;
const REDACTED = '[REDACTED]';

// Credentials inside a connection string (postgresql://user:password@host).
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+):[^@\s]+@/gi;

// Row ids: their digit runs are hex, never a PIN or an individual number, and an id that survives
// is what lets an operator follow a letter through the logs.
const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

function scrubString(value: string): string {
  return value
    .replace(URL_CREDENTIALS, `$1:${REDACTED}@`)
    .split(UUID)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(DIGIT_RUN, REDACTED)))
    .join('');
}

export function scrubSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8) return REDACTED;
  if (typeof value === 'string') return scrubString(value);
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, depth + 1));
  if (value instanceof Error) return { type: value.name, message: scrubString(value.message), stack: value.stack && scrubString(value.stack) };
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, v]) => [key, SECRET_KEY.test(key) ? REDACTED : scrubSecrets(v, depth + 1)]),
    );
  }
  return value;
}

export function loggerOptions(name: string, level: string): LoggerOptions {
  return {
    name,
    level,
    // Objects and messages both pass through the scrubber; timestamps and levels stay numbers.
    formatters: { log: (object) => scrubSecrets(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubString(a) : a)) as Parameters<typeof method>);
      },
    },
  };
}

export function createLogger(name: string, level = 'info', destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(name, level), destination) : pino(loggerOptions(name, level));
}
