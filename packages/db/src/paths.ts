import path from 'node:path';

/** The repository root, the same from `src/` (tests) and `dist/` (built). */
export const repoRoot = path.resolve(__dirname, '../../..');
export const schemaPath = path.join(repoRoot, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(repoRoot, 'prisma', 'migrations');
