import { AsyncLocalStorage } from 'node:async_hooks';
import type { PrismaClient } from './generated/prisma/client';

/**
 * The municipality the code running now works for: a request's, once its principal is known, or the
 * job's a worker runs. The database client (createDatabaseClient) names it in every transaction it
 * opens (`set_config('app.municipality_id', id, true)`), and row-level security shows that transaction
 * that municipality's rows and no other's. Without one, a connection as the application's role sees no
 * municipality's rows at all.
 */
const scope = new AsyncLocalStorage<Scope>();

/**
 * A member of staff's session as a request remembered it rather than read it (the API keeps the
 * principals it has read): until one of the request's statements has checked that the session is
 * still so — in its own transaction, in front of it (scope-frame.ts) — each carries the check.
 */
export interface UncheckedSession {
  id: string;
  /** What the session was when it was read (`staff_session_fingerprint`); a session that changed since fails the check. */
  fingerprint: string;
  /** Set once a statement has checked it: the ones after it need not. */
  checked: boolean;
}

/** The municipality the code running now works for, and the session it acts in when that is unchecked. */
export interface Scope {
  municipalityId: string;
  session?: UncheckedSession;
}

/** Run `work` (and everything it awaits) for one municipality — in a session its statements are to check, if given. */
export function inMunicipality<T>(municipalityId: string, work: () => T, session?: UncheckedSession): T {
  return scope.run(session ? { municipalityId, session } : { municipalityId }, work);
}

/** The municipality of the code running now, if any. */
export function currentMunicipality(): string | undefined {
  return scope.getStore()?.municipalityId;
}

/** The scope of the code running now, if any. */
export function currentScope(): Scope | undefined {
  return scope.getStore();
}

/**
 * Prisma gathers the `findUnique`s made before the next tick into one query (its DataLoader), and
 * runs it — like a batch `$transaction([…])` — in the scope of the code that came first: two requests
 * of two municipalities could share a statement. In a scope each runs in an interactive transaction
 * of its own, which Prisma starts at once, in the scope of its caller.
 */
const GATHERED = new Set<PropertyKey>(['findUnique', 'findUniqueOrThrow']);

const RAW_QUERIES = new Set<PropertyKey>(['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe']);

const STATEMENT_ALONE_TIMEOUT_MS = 60 * 60_000;

/**
 * A Prisma statement runs when it is awaited, not when it is made, and the pool reads the scope
 * then: this one runs in the scope it was made in, wherever it is awaited. It is Prisma's own
 * statement otherwise.
 */
function madeIn<T extends object>(made: Scope, statement: T): T {
  return new Proxy(statement, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== 'then' && property !== 'catch' && property !== 'finally') return value;
      return (...args: unknown[]) => scope.run(made, () => (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
}

/**
 * The client as the services use it. The pool under it (MunicipalityPool, scope-frame.ts) names the
 * municipality of the code running in every transaction it runs a statement in; this makes a
 * statement's municipality the one of the code that made it, and keeps Prisma from putting two
 * scopes' statements into one. Outside any scope the client is unchanged.
 */
export function municipalityScoped(base: PrismaClient): PrismaClient {
  type Method = (...args: unknown[]) => Promise<unknown>;
  const scoped =
    (method: Method, target: object) =>
    (...args: unknown[]) => {
      const statement = method.apply(target, args);
      const made = currentScope();
      return made ? madeIn(made, statement) : statement;
    };
  const alone =
    (model: string, method: string, value: Method, target: object) =>
    (...args: unknown[]) => {
      if (!currentMunicipality()) return value.apply(target, args);
      // A statement alone had no time limit, and gets none in its transaction (Prisma's 5 s is for a
      // service's own; PostgreSQL's statement_timeout, if set, still applies).
      return base.$transaction((tx) => (Reflect.get(Reflect.get(tx, model) as object, method) as Method)(...args), { timeout: STATEMENT_ALONE_TIMEOUT_MS });
    };
  const transaction = (arg: unknown, options?: unknown) => {
    if (currentMunicipality() && typeof arg !== 'function') {
      // Prisma runs a batch in the scope of whoever came first in its tick, not its caller's.
      throw new Error('In a municipality scope, use $transaction(async (tx) => …), not a batch of statements.');
    }
    return (base.$transaction as (arg: unknown, options?: unknown) => Promise<unknown>).call(base, arg, options);
  };
  const delegates = new Map<PropertyKey, unknown>();
  const scopedDelegate = (model: string, delegate: Record<PropertyKey, unknown>) =>
    new Proxy(delegate, {
      get(target, method) {
        const value = Reflect.get(target, method);
        if (typeof value !== 'function') return value;
        return GATHERED.has(method) ? alone(model, method as string, value as Method, target) : scoped(value as Method, target);
      },
    });
  return new Proxy(base, {
    get(target, property) {
      if (property === '$transaction') return transaction;
      const value = Reflect.get(target, property, target);
      if (RAW_QUERIES.has(property)) return scoped(value as Method, target);
      if (typeof property === 'string' && !property.startsWith('$') && !property.startsWith('_') && isDelegate(value)) {
        let wrapped = delegates.get(property);
        if (!wrapped) delegates.set(property, (wrapped = scopedDelegate(property, value)));
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
