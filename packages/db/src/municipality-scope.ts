import { AsyncLocalStorage } from 'node:async_hooks';
import type { PrismaClient } from './generated/prisma/client';

/**
 * The municipality the code running now works for: a request's, once its principal is known, or the
 * job's a worker runs. The database client (createDatabaseClient) names it in every transaction it
 * opens (`set_config('app.municipality_id', id, true)`), and row-level security shows that transaction
 * that municipality's rows and no other's. Without one, a connection as the application's role sees no
 * municipality's rows at all.
 */
const scope = new AsyncLocalStorage<string>();

/** Run `work` (and everything it awaits) for one municipality. */
export function inMunicipality<T>(municipalityId: string, work: () => T): T {
  return scope.run(municipalityId, work);
}

/** The municipality of the code running now, if any. */
export function currentMunicipality(): string | undefined {
  return scope.getStore();
}

/**
 * The first statement of every transaction in a scope: the municipality, and no parallel workers.
 * The planner cannot see the setting's value, so it takes the policy's `municipality_id = …` to keep
 * an average town's share of the rows (1 in 1,741) and may plan a name search as a parallel scan —
 * 286 ms where the serial plan takes 29 (bench/README.md). A counter's requests are short and many at
 * once: the cores are better spent on the next request than on splitting this one.
 */
function nameMunicipality(db: PrismaClient, id: string) {
  return db.$executeRaw`SELECT set_config('app.municipality_id', ${id}, true), set_config('max_parallel_workers_per_gather', '0', true)`;
}

const STATEMENT_ALONE_TIMEOUT_MS = 60 * 60_000;

const RAW_QUERIES = new Set<PropertyKey>(['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe']);

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0] & ((tx: never) => unknown)>[0];

/**
 * The client as the services use it: inside a municipality's scope every statement runs in a
 * transaction that names the municipality first — a service's own `$transaction(fn)` opens with the
 * setting, and a statement made outside one runs as [setting, statement] in a transaction of its
 * own. The setting is local to its transaction (never a session's: a pooled connection passes it on
 * to no one), so nothing outlives the work that set it. Outside any scope the client is unchanged.
 */
export function municipalityScoped(base: PrismaClient): PrismaClient {
  const alone = async <T>(id: string, statement: Promise<T>): Promise<T> => {
    // A statement alone had no time limit before it was framed, and gets none now (Prisma's 5 s is for
    // a service's own transactions; PostgreSQL's statement_timeout, if set, still applies).
    const [, result] = await base.$transaction([nameMunicipality(base, id), statement as never], { timeout: STATEMENT_ALONE_TIMEOUT_MS } as never);
    return result as T;
  };
  const transaction = (arg: unknown, options?: unknown) => {
    const id = currentMunicipality();
    const run = base.$transaction.bind(base) as (arg: unknown, options?: unknown) => Promise<unknown>;
    if (!id) return run(arg, options);
    if (typeof arg !== 'function') {
      // A batch's statements would each be wrapped on their own before the batch saw them.
      throw new Error('In a municipality scope, use $transaction(async (tx) => …), not a batch of statements.');
    }
    return run(async (tx: Transaction) => {
      await nameMunicipality(tx as unknown as PrismaClient, id);
      return (arg as (tx: Transaction) => unknown)(tx);
    }, options);
  };
  /** A statement-making method (a model's, or a raw query), its statement framed when in a scope. */
  const framed =
    (method: unknown, target: object) =>
    (...args: unknown[]) => {
      const statement = (method as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      const id = currentMunicipality();
      return id ? alone(id, statement) : statement;
    };
  const delegates = new Map<PropertyKey, unknown>();
  const scopedDelegate = (delegate: Record<PropertyKey, unknown>) =>
    new Proxy(delegate, {
      get(target, method) {
        const value = Reflect.get(target, method);
        return typeof value === 'function' ? framed(value, target) : value;
      },
    });
  return new Proxy(base, {
    get(target, property) {
      if (property === '$transaction') return transaction;
      const value = Reflect.get(target, property, target);
      if (RAW_QUERIES.has(property)) return framed(value, target);
      if (typeof property === 'string' && !property.startsWith('$') && !property.startsWith('_') && isDelegate(value)) {
        let wrapped = delegates.get(property);
        if (!wrapped) delegates.set(property, (wrapped = scopedDelegate(value)));
        return wrapped;
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function isDelegate(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { findMany?: unknown }).findMany === 'function';
}

/**
 * Why the client's connection would see every municipality's rows (a superuser, a role that bypasses
 * row-level security, or the tables' owner), or undefined when row-level security applies to it. The
 * API and the worker ask at start: in production such a connection is refused.
 */
export async function isolationBypassed(db: PrismaClient): Promise<string | undefined> {
  const [role] = await db.$queryRaw<{ name: string; superuser: boolean; bypass: boolean; owner: boolean }[]>`
    SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
           EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = 'cases' AND c.relnamespace = 'public'::regnamespace
                   AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owner
    FROM pg_roles r WHERE r.rolname = current_user`;
  if (!role) return undefined;
  if (role.superuser) return `the database user ${role.name} is a superuser`;
  if (role.bypass) return `the database user ${role.name} bypasses row-level security`;
  if (role.owner) return `the database user ${role.name} owns the tables`;
  return undefined;
}

/**
 * Why the lists would be slow under row-level security, or undefined: PostgreSQL leaves enum
 * equality unmarked LEAKPROOF, and row-level security then filters a whole city's rows before a
 * state or a route (the migration 20261201180000 marks it when run by a superuser).
 */
export async function enumEqualityNotLeakproof(db: PrismaClient): Promise<string | undefined> {
  const [row] = await db.$queryRaw<{ leakproof: boolean }[]>`
    SELECT bool_and(proleakproof) AS leakproof FROM pg_proc WHERE proname IN ('enum_eq', 'enum_ne') AND pronamespace = 'pg_catalog'::regnamespace`;
  if (row?.leakproof !== false) return undefined;
  return 'enum_eq and enum_ne are not LEAKPROOF: under row-level security the case lists filter a whole municipality before its state or route. As a superuser, once: ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF; ALTER FUNCTION enum_ne(anyenum, anyenum) LEAKPROOF; (docs/production.md)';
}

/**
 * At the start of the API and the worker, without holding it up (a database still away is not this
 * check's to judge): a connection that would see every municipality's rows is refused in production
 * (the process ends) and said loudly elsewhere; lists that would be slow under RLS are said.
 */
export function checkIsolationAtStart(db: PrismaClient, log: { warn(message: string): void; fatal(message: string): void }): void {
  void isolationBypassed(db).then(
    (reason) => {
      if (!reason) return;
      const message = `DATABASE_URL must connect as the application's role (madoguchi_app), under row-level security: ${reason}`;
      if (process.env.NODE_ENV !== 'production') return log.warn(message);
      log.fatal(message);
      process.exit(1);
    },
    () => undefined,
  );
  void enumEqualityNotLeakproof(db).then(
    (reason) => reason && log.warn(reason),
    () => undefined,
  );
}
