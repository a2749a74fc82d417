import { productionRefusal } from './production';

const complete = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://madoguchi@db.city.local/madoguchi',
  REDIS_URL: 'redis://cache.city.local:6379',
  AUTH_SECRET: 'a'.repeat(44),
  LETTER_SECRET: 'b'.repeat(44),
};

describe('productionRefusal', () => {
  it('guesses as before outside production', () => {
    expect(productionRefusal({}, [])).toBeUndefined();
    expect(productionRefusal({ NODE_ENV: 'development' }, ['--demo'])).toBeUndefined();
  });

  it('in production names every server and secret it would otherwise guess, in one line', () => {
    const refusal = productionRefusal({ NODE_ENV: 'production', REDIS_URL: complete.REDIS_URL }, []);
    expect(refusal).toBe(
      'Configuration error: NODE_ENV=production: DATABASE_URL, AUTH_SECRET, LETTER_SECRET must be set; in production nothing is guessed (no local or embedded database, no Redis started, no generated secrets).',
    );
    expect(refusal).not.toContain('\n');
    expect(productionRefusal({ ...complete, DATABASE_URL: '' }, [])).toContain(': DATABASE_URL must be set');
  });

  it('in production refuses the demo staff, and lets a complete configuration through', () => {
    expect(productionRefusal(complete, ['--demo'])).toContain('--demo');
    expect(productionRefusal(complete, [])).toBeUndefined();
  });
});
