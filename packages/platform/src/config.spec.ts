import { ConfigError, env, loadConfig } from './config';

const shape = { DATABASE_URL: env.databaseUrl, REDIS_URL: env.redisUrl, PORT: env.port(3000), LOG_LEVEL: env.logLevel };
const good = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/madoguchi', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('loadConfig', () => {
  it('returns typed values with defaults', () => {
    expect(loadConfig(shape, good)).toEqual({ ...good, PORT: 3000, LOG_LEVEL: 'info' });
    expect(loadConfig(shape, { ...good, PORT: '8080' }).PORT).toBe(8080);
  });

  it.each([
    [{ REDIS_URL: good.REDIS_URL }, 'Configuration error: DATABASE_URL is required (e.g. postgresql://postgres@127.0.0.1:5432/madoguchi) (not set).'],
    [
      { ...good, DATABASE_URL: 'mysql://x/y' },
      'Configuration error: DATABASE_URL must be a postgresql:// or postgres:// URL (e.g. postgresql://postgres@127.0.0.1:5432/madoguchi) (got "mysql://x/y").',
    ],
    [{ ...good, PORT: 'eighty' }, 'Configuration error: PORT must be a port number (1-65535) (got "eighty").'],
    [{ ...good, PORT: '70000' }, 'Configuration error: PORT must be a port number (1-65535) (got "70000").'],
    [{ ...good, LOG_LEVEL: 'loud' }, 'Configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud").'],
  ])('stops with one line naming the bad variable: %j', (source, message) => {
    expect(() => loadConfig(shape, source)).toThrow(new ConfigError(message));
  });

  it('never prints a secret it refuses', () => {
    expect(() => loadConfig({ AUTH_SECRET: env.secret('AUTH_SECRET') }, { AUTH_SECRET: 'short-but-secret' })).toThrow(
      new ConfigError('Configuration error: AUTH_SECRET must be at least 32 characters (e.g. openssl rand -base64 48) (value hidden).'),
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(shape, { ...good, PORT: '' }).PORT).toBe(3000);
  });
});
