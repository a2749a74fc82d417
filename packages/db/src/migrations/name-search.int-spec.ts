import { readFileSync } from 'node:fs';
import path from 'node:path';
import { nameSearchKey, VARIANT_FORMS } from '@madoguchi/domain';
import { Client } from 'pg';
import { migrationsDir } from '../paths';

/**
 * The name_search migration keys the names written before it in SQL; new names are keyed by the
 * domain's nameSearchKey. The two must agree, or an old 髙橋 would not be found by 高橋.
 */
const migration = readFileSync(path.join(migrationsDir, '20261130200516_name_search', 'migration.sql'), 'utf8');
const backfill = migration.slice(migration.indexOf('UPDATE "parties"'));

describe('the name_search migration', () => {
  it('folds the same variant forms as the domain', () => {
    const [, from, to] = /'([^']+)',\s*'([^']+)'\), 100\);/.exec(backfill)!;
    expect([...from!].map((ch, i) => [ch, [...to!][i]])).toEqual(Object.entries(VARIANT_FORMS));
  });

  it('computes in SQL the key the domain computes, for names of every kind', async () => {
    const names = [
      ['髙橋', '一郎'],
      ['𠮷田', '花子'],
      ['\uFA10本', '太郎'],
      ['葛\u{E0100}城', 'ミキ'],
      ['渡邊　', ' 恵'],
      ['ＡＢＣ', 'ｶﾞｰﾃﾞﾝ'],
      ['山田', '花子'],
    ];
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('CREATE TEMP TABLE parties (family_name text, given_name text, search_name text)');
      for (const [family, given] of names) await client.query('INSERT INTO parties (family_name, given_name) VALUES ($1, $2)', [family, given]);
      await client.query(backfill);
      const { rows } = await client.query<{ family_name: string; given_name: string; search_name: string }>(
        'SELECT family_name, given_name, search_name FROM parties',
      );
      expect(rows.map((r) => r.search_name)).toEqual(names.map(([f, g]) => nameSearchKey(f! + g!)));
    } finally {
      await client.end();
    }
  });
});
