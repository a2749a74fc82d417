import { Prisma } from '@madoguchi/db';

/** A row another request wrote first, caught by a unique index: the race's loser. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
