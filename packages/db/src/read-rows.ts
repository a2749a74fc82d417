import type pg from 'pg';
import type { Prisma, PrismaClient } from './generated/prisma/client';
import type { FramedQuery } from './scope-frame';

/**
 * The pool under each client createDatabaseClient made. Kept beside the client, not on it: a
 * transaction's client (`tx`) is not in here, so a read inside a transaction cannot slip past it.
 */
const pools = new WeakMap<object, pg.Pool>();

export function rememberPool(db: PrismaClient, pool: pg.Pool): void {
  pools.set(db, pool);
}

/** The pool under a client createDatabaseClient made (none under a transaction's client). */
export function poolOf(db: PrismaClient): pg.Pool | undefined {
  return pools.get(db);
}

/**
 * The column types a row may carry, and what each arrives as — what Prisma's `$queryRaw` gives for
 * them too: booleans, 32-bit integers and floats as numbers, text and uuids as strings, json as
 * objects, timestamptz as Dates, text/uuid/integer arrays as arrays. The rest arrive from pg unlike
 * Prisma (a bigint or numeric as a string, a date at local midnight) and are refused: cast them
 * (`::int`, `::text`) in the statement.
 */
const ROW_TYPES = new Set([
  16, // bool
  18, // char
  19, // name
  21, // int2
  23, // int4
  25, // text
  114, // json
  700, // float4
  701, // float8
  1000, // bool[]
  1007, // int4[]
  1009, // text[]
  1015, // varchar[]
  1042, // bpchar
  1043, // varchar
  1184, // timestamptz
  2950, // uuid
  2951, // uuid[]
  3802, // jsonb
]);

/**
 * A read statement alone, sent straight to the pool under the client: in the caller's municipality
 * (the pool frames it, as every statement of the client) and kept prepared if marked
 * (keptPrepared), without Prisma's raw-query layer, which cost more CPU than pg itself — 0.56 ms of
 * a list page's 0.95 (bench/README.md). For the reads every request makes (the login's, a list's
 * page and total, a case's page); writes and reads inside a transaction stay with Prisma, but for
 * one write a read follows at once (`behind`).
 *
 * `behind`: a statement sent in front of the read, in the same round trip and the same implicit
 * transaction — the read sees what it wrote, and both commit together or neither does (an error in
 * either is the answer's). Its own rows are not answered; it is kept prepared if marked, as the
 * read. A registration's one write and the new case's page, in one round trip where they took two.
 */
export async function readRows<T>(db: PrismaClient, statement: Prisma.Sql, options: { behind?: Prisma.Sql } = {}): Promise<T[]> {
  const pool = poolOf(db);
  if (!pool) throw new Error("readRows takes the client createDatabaseClient made (not a transaction's: use tx.$queryRaw there)");
  const config: FramedQuery = { text: statement.text, values: sent(statement) };
  if (options.behind) config.behind = [{ text: options.behind.text, values: sent(options.behind) }];
  const result = await pool.query(config);
  for (const field of result.fields) {
    if (!ROW_TYPES.has(field.dataTypeID)) {
      throw new TypeError(`readRows: the column ${field.name} (type ${field.dataTypeID}) would not arrive as Prisma gives it; cast it (::int, ::text)`);
    }
  }
  return result.rows as T[];
}

/** A statement's values as Prisma sends them: an instant as its ISO text (pg would write a Date in the process's time zone: a `::date` of it would move with TZ). */
const sent = (statement: Prisma.Sql) => statement.values.map((value) => (value instanceof Date ? value.toISOString() : value));
