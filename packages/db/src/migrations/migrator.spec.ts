import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrationFolderName, readMigrationsList } from './migrator';

describe('migrationFolderName', () => {
  it('uses Prisma’s UTC timestamp layout', () => {
    expect(migrationFolderName('add_offices', new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102030405_add_offices');
  });
});

describe('readMigrationsList', () => {
  it('lists migration folders in name order with their SQL and the lock file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    for (const name of ['20260102000000_b', '20260101000000_a']) {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, 'migration.sql'), `-- ${name}`);
    }
    await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    const list = await readMigrationsList(dir);
    expect(list.migrationDirectories.map((d) => d.path)).toEqual(['20260101000000_a', '20260102000000_b']);
    expect(list.migrationDirectories[0]!.migrationFile.content).toEqual({ tag: 'ok', value: '-- 20260101000000_a' });
    expect(list.lockfile.content).toBe('provider = "postgresql"\n');
  });

  it('reports a folder without migration.sql as an error entry rather than skipping it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    await mkdir(path.join(dir, '20260101000000_empty'));
    const list = await readMigrationsList(dir);
    expect(list.migrationDirectories[0]!.migrationFile.content.tag).toBe('error');
  });
});
