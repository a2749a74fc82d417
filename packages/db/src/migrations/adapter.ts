import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory, type SqlQuery } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { createDatabase, dropDatabase } from '../server/admin';
import { withDatabase } from '../server/urls';

const PG_INTERNAL_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;

/**
 * The schema engine introspects catalog columns of PostgreSQL's internal `"char"` type (OID 18,
 * e.g. `pg_constraint.contype`), which @prisma/adapter-pg refuses as an unsupported type. The
 * client below lets them through as text, remembering which columns of which statement they were
 * (the same SQL always has the same column types), and the adapter's results then report those
 * columns as the engine's Character type, which it reads them as.
 */
const charColumnsBySql = new Map<string, number[]>();

function charColumnsAsText<T>(sql: unknown, result: T): T {
  const fields = (result as QueryResultLike)?.fields;
  if (fields) {
    const charColumns: number[] = [];
    fields.forEach((field, i) => {
      if (field.dataTypeID === PG_INTERNAL_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(i);
      }
    });
    if (charColumns.length && typeof sql === 'string') charColumnsBySql.set(sql, charColumns);
  }
  return result;
}

function statementText(args: unknown[]): unknown {
  const first = args[0];
  return typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
}

class CharAsTextClient extends pg.Client {
  // pg's overloads (promise, callback, config object) all end up here.
  override query(...args: unknown[]): never {
    const sql = statementText(args);
    const callbackAt = args.findIndex((a) => typeof a === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (err: unknown, res: unknown) => void;
      args[callbackAt] = (err: unknown, res: unknown) => callback(err, err ? res : charColumnsAsText(sql, res));
    }
    const superQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
    const out = superQuery.apply(this, args);
    if (callbackAt < 0 && out && typeof (out as Promise<unknown>).then === 'function') {
      return (out as Promise<unknown>).then((res) => charColumnsAsText(sql, res)) as never;
    }
    return out as never;
  }
}

function migrationPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, Client: CharAsTextClient, max: 4 });
  // A connection idle in the pool when its shadow database is dropped (WITH FORCE) is ended by the
  // server (57P01); pg reports that on the pool, and unheard it would end the process — a migration
  // check failed so once under a loaded CI run. The pool opens another if it is asked again.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * The driver-adapter factory handed to the WebAssembly schema engine. It replaces adapter-pg's own
 * shadow-database handling, which drops the shadow database while its pool is still connected (and,
 * given a connection string, would point the "shadow" pool at the main database).
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@madoguchi/db';
  private readonly pools = new Set<pg.Pool>();

  constructor(private readonly url: string) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.open(this.url);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowUrl = withDatabase(this.url, `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, '')}`);
    await createDatabase(shadowUrl);
    const adapter = await this.open(shadowUrl);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await dropDatabase(shadowUrl);
    };
    return adapter;
  }

  /** Close every pool this factory opened (the engine does not always dispose what it connects). */
  async close(): Promise<void> {
    const pools = [...this.pools];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
  }

  private async open(url: string): Promise<SqlDriverAdapter> {
    const pool = migrationPool(url);
    this.pools.add(pool);
    const adapter = await new PrismaPg(pool).connect();
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query: SqlQuery) => {
      const result = await queryRaw(query);
      for (const i of charColumnsBySql.get(query.sql) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
      return result;
    };
    // adapter-pg splits scripts on every ";", breaking function bodies and string literals. One
    // simple-protocol query runs the whole migration, in one implicit transaction.
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      if (this.pools.delete(pool)) await pool.end();
    };
    return adapter;
  }
}
