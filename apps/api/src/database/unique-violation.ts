import { Prisma } from '@madoguchi/db';
import { sqlStateOf } from './sql-state';

/** PostgreSQL's SQLSTATE for a unique index's refusal. */
const UNIQUE_VIOLATION = '23505';

/**
 * A row another request wrote first, caught by a unique index: the race's loser. Prisma reports it
 * as P2002 from its own queries; as P2010 (a raw statement failed) from ours, and pg, for a statement
 * sent straight to the pool (readRows), by its SQLSTATE (sqlStateOf reads both).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return true;
  return sqlStateOf(error) === UNIQUE_VIOLATION;
}
