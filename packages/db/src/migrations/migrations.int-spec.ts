import { migrationStatus, pendingSchemaChanges } from './migrator';

const databaseUrl = process.env.DATABASE_URL!;

describe('committed migrations', () => {
  it('produce exactly prisma/schema.prisma (an empty diff)', async () => {
    expect(await pendingSchemaChanges({ databaseUrl })).toBe('');
  });

  it('are all applied to the test database, none edited or failed', async () => {
    const status = await migrationStatus({ databaseUrl });
    expect(status).toEqual({ hasMigrationsTable: true, history: null, editedMigrationNames: [], failedMigrationNames: [] });
  });
});
