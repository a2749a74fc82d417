import { Prisma } from '@madoguchi/db';

/** PostgreSQL's SQLSTATE for a unique index's refusal. */
const UNIQUE_VIOLATION = '23505';

/**
 * A row another request wrote first, caught by a unique index: the race's loser. Prisma reports it
 * as P2002 from its own queries and as P2010 (a raw statement failed) from ours, with the driver's
 * kind; pg, for a statement sent straight to the pool (readRows), by its SQLSTATE.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return error instanceof Error && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
  if (error.code === 'P2002') return true;
  const driverError = error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined;
  return error.code === 'P2010' && driverError?.cause?.kind === 'UniqueConstraintViolation';
}
