import { loadWorkerConfig } from './config';

const required = { DATABASE_URL: 'postgresql://h/db', REDIS_URL: 'redis://h:6379', LETTER_SECRET: 'x'.repeat(32) };

describe('worker configuration', () => {
  it('has defaults for everything but the two servers and the letter secret', () => {
    expect(loadWorkerConfig(required)).toEqual({
      ...required,
      REDIS_PREFIX: 'madoguchi',
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: 4,
      JOB_LOCK_MS: 30000,
      OUTBOX_POLL_MS: 500,
      OUTBOX_BATCH: 100,
      LOST_JOBS_CHECK_MS: 60000,
    });
  });

  it('refuses a nonsense batch size, naming it', () => {
    expect(() => loadWorkerConfig({ ...required, OUTBOX_BATCH: '0' })).toThrow('Configuration error: OUTBOX_BATCH must be positive (got "0").');
  });

  it('needs the letter secret, without showing it', () => {
    expect(() => loadWorkerConfig({ ...required, LETTER_SECRET: 'short' })).toThrow(
      'Configuration error: LETTER_SECRET must be at least 32 characters (e.g. openssl rand -base64 48) (value hidden).',
    );
  });
});
