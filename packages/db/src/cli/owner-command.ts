import { text as readAll } from 'node:stream/consumers';
import { createDatabaseClient } from '../client';
import type { PrismaClient } from '../generated/prisma/client';
import { resolveMigrationDatabaseUrl } from '../server/default-server';

/**
 * What the platform's own commands share (onboarding, a platform operator): they run on the server
 * as the tables' owner, as the migrations do, read a password from standard input (never the command
 * line, which `ps` shows to everyone) and exit with the code their work returns.
 */
export async function asOwner<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
  const { url, stop } = await resolveMigrationDatabaseUrl();
  const db = createDatabaseClient(url, { poolSize: 1 });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
    await stop();
  }
}

/** The password on standard input, without its line end. */
export async function passwordFromStdin(): Promise<string> {
  return (await readAll(process.stdin)).replace(/\r?\n$/, '');
}

export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
