import { Prisma, SESSION_CHANGED } from '@madoguchi/db';

/**
 * A statement refused because its request's remembered session is not as it was read
 * (staff_session_holds): logged out, deactivated or changed since. pg reports it by its SQLSTATE
 * (readRows); Prisma as a raw statement's or a transaction's failure, with the driver's error as its
 * cause.
 */
export function isSessionChanged(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ((error as { code?: unknown }).code === SESSION_CHANGED) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const driverError = error.meta?.driverAdapterError as { cause?: { originalCode?: string; code?: string } } | undefined;
    return driverError?.cause?.originalCode === SESSION_CHANGED || driverError?.cause?.code === SESSION_CHANGED;
  }
  return isSessionChanged(error.cause);
}
