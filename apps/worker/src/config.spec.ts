import { loadWorkerConfig } from './config';

describe('worker configuration', () => {
  it('has defaults for everything but the two servers', () => {
    expect(loadWorkerConfig({ DATABASE_URL: 'postgresql://h/db', REDIS_URL: 'redis://h:6379' })).toEqual({
      DATABASE_URL: 'postgresql://h/db',
      REDIS_URL: 'redis://h:6379',
      REDIS_PREFIX: 'madoguchi',
      LOG_LEVEL: 'info',
      OUTBOX_POLL_MS: 500,
      OUTBOX_BATCH: 100,
    });
  });

  it('refuses a nonsense batch size, naming it', () => {
    expect(() => loadWorkerConfig({ DATABASE_URL: 'postgresql://h/db', REDIS_URL: 'redis://h', OUTBOX_BATCH: '0' })).toThrow(
      'Configuration error: OUTBOX_BATCH must be positive (got "0").',
    );
  });
});
