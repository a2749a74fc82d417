import { Prisma } from '@madoguchi/db';

/** What the pg driver adapter says of a statement that failed: PostgreSQL's SQLSTATE, and its own name for the kind. */
export interface AdapterCause {
  originalCode?: string;
  kind?: string;
}

/**
 * The pg driver adapter's account of a failed statement, where the error carries one: the
 * adapter's own error (`DriverAdapterError`), or Prisma's wrapping of it (P2010 a raw statement,
 * P2039 a database error: `meta.driverAdapterError`).
 */
export function adapterCauseOf(error: unknown): AdapterCause | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return (error.meta?.driverAdapterError as { cause?: AdapterCause } | undefined)?.cause;
  if (error instanceof Error && error.name === 'DriverAdapterError') return (error as { cause?: AdapterCause }).cause;
  return undefined;
}

/**
 * PostgreSQL's SQLSTATE of a failed statement, whichever way it came: through the adapter or
 * Prisma (adapterCauseOf), or as pg's own error, from a statement sent straight to the pool
 * (readRows). A Prisma error of its own (P2002…) has none.
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return adapterCauseOf(error)?.originalCode;
  const fromAdapter = adapterCauseOf(error);
  if (fromAdapter) return fromAdapter.originalCode;
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
