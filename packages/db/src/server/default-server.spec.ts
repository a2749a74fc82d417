import { resolveDatabaseUrl } from './default-server';

describe('resolveDatabaseUrl in production', () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, DATABASE_URL: process.env.DATABASE_URL };
  afterEach(() => {
    // process.env turns undefined into the string "undefined": unset what was unset.
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('guesses no database: without DATABASE_URL it stops with one line naming it', async () => {
    process.env.NODE_ENV = 'production';
    delete process.env.DATABASE_URL;
    await expect(resolveDatabaseUrl()).rejects.toThrow(
      'Configuration error: NODE_ENV=production: DATABASE_URL must be set (no local or embedded database is guessed in production).',
    );
  });

  it('takes DATABASE_URL as given', async () => {
    process.env.NODE_ENV = 'production';
    process.env.DATABASE_URL = 'postgresql://madoguchi@db.city.local/madoguchi';
    await expect(resolveDatabaseUrl()).resolves.toMatchObject({ url: 'postgresql://madoguchi@db.city.local/madoguchi', source: 'DATABASE_URL' });
  });
});
