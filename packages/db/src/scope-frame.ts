import { createHash } from 'node:crypto';
import pg from 'pg';
import { currentScope, type Scope, type UncheckedSession } from './municipality-scope';

/**
 * What opens every transaction in a municipality's scope: the municipality, and no parallel workers.
 * The planner cannot see the setting's value, so it takes the policy's `municipality_id = …` to keep
 * an average town's share of the rows (1 in 1,741) and may plan a name search as a parallel scan —
 * 286 ms where the serial plan takes 29 (bench/README.md). A counter's requests are short and many at
 * once: the cores are better spent on the next request than on splitting this one.
 */
export const NAME_MUNICIPALITY = `SELECT set_config('app.municipality_id', $1, true), set_config('max_parallel_workers_per_gather', '0', true)`;

/**
 * The same, in a session the request remembered rather than read: and that the session is still as
 * it was read — not logged out, expired, deactivated or suspended, nor moved to another office or
 * role. Checked in the statement's own transaction, where the work is: where it no longer holds,
 * nothing behind it runs and the statement fails with SESSION_CHANGED.
 */
export const NAME_MUNICIPALITY_IN_SESSION = `${NAME_MUNICIPALITY}, staff_session_holds($2::uuid, $3)`;

/** The SQLSTATE of a statement whose session is no longer as its request read it (staff_session_holds). */
export const SESSION_CHANGED = 'MD401';

interface Statement {
  text: string;
  values: unknown[];
  /** Its name on the connection, when kept prepared (keptPrepared). */
  name?: string;
  /** The session it checks: marked checked once it has run. */
  checks?: UncheckedSession;
}

/**
 * What names a scope's municipality in front of a statement — and checks its session, until a
 * statement has. Kept prepared by each connection under a fixed name: it is in front of every
 * request's statements, and parsing and planning it each time cost PostgreSQL more than running it.
 */
function scopeFrame({ municipalityId, session }: Scope): Statement {
  if (!session || session.checked) return { text: NAME_MUNICIPALITY, values: [municipalityId], name: 'scope-frame' };
  return { text: NAME_MUNICIPALITY_IN_SESSION, values: [municipalityId, session.id, session.fingerprint], name: 'scope-frame-in-session', checks: session };
}

/** A query for the pool, with statements to send in front of it in its round trip and transaction (readRows's `behind`). */
export interface FramedQuery extends pg.QueryConfig {
  behind?: Statement[];
}

/** The parts of pg's connection a query writes to (pg's types leave them out). */
interface Wire {
  stream: { cork?(): void; uncork?(): void };
  /** The named statements this connection has parsed, by name (pg's own record, which its queries consult). */
  parsedStatements: Record<string, string>;
  parse(message: { text: string; name: string; types: unknown[] }): void;
  bind(message: { portal: string; statement: string; values: unknown[] }): void;
  execute(message: { portal: string; rows: number }): void;
}

/** The protocol messages pg hands the query that is running (not in pg's types either). */
interface QueryEvents {
  /** Called with the query's error or its result, where set; otherwise pg reports them as events. */
  callback?: Callback;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: unknown): void;
  submit(connection: unknown): Error | null | void;
}

const PgQuery = pg.Query as unknown as new (config: pg.QueryConfig) => Omit<pg.Query, 'submit'> & QueryEvents;

/** pg's own conversion of a value to its text on the wire (an array to `{…}`, a number or boolean to its text), as its queries bind them. */
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils;

/**
 * A statement sent behind others in one message, ended by one Sync: one round trip, and — with no
 * BEGIN among them — one implicit transaction, so a `set_config(…, true)` in front holds for the
 * statement and ends with it. The statements in front answer nothing to the caller: their rows and
 * completions are dropped, and only the last statement's result is the query's. An error in any of
 * them is the query's error (PostgreSQL skips the rest up to the Sync).
 */
class StatementBehind extends PgQuery {
  private unanswered: number;
  /** The session the last statement checks, if it does (a transaction's frame behind its BEGIN). */
  private readonly checks: UncheckedSession | undefined;

  constructor(
    private readonly before: Statement[],
    { checks, ...config }: pg.QueryConfig & Pick<Statement, 'checks'>,
  ) {
    // Always the extended protocol: a simple query would end the messages in front (and carry no values).
    super({ ...config, queryMode: 'extended' } as pg.QueryConfig);
    this.unanswered = before.length;
    this.checks = checks;
  }

  /**
   * A named statement (keptPrepared) is parsed once per connection: pg counts it parsed at the
   * first ParseComplete of the running query, which here may be a statement's in front; a named
   * statement in front is counted here, as its Parse is sent. Were a Parse then to fail, it would be
   * taken as prepared — but a failed statement's connection is not used again (pg's pool discards
   * the client of a query that failed), so the count cannot outlive it.
   */
  override submit(connection: unknown): Error | null | void {
    const wire = connection as Wire;
    let before: Statement[];
    try {
      // Each value as pg writes it, before anything is written: one pg cannot write fails the query and leaves the connection as it was.
      before = this.before.map((statement) => ({ ...statement, values: statement.values.map(prepareValue) }));
    } catch (error) {
      return error as Error;
    }
    wire.stream.cork?.();
    try {
      for (const { text, values, name = '' } of before) {
        if (!name || wire.parsedStatements[name] === undefined) {
          wire.parse({ text, name, types: [] });
          if (name) wire.parsedStatements[name] = text;
        }
        wire.bind({ portal: '', statement: name, values });
        wire.execute({ portal: '', rows: 0 });
      }
      return super.submit(connection);
    } finally {
      wire.stream.uncork?.();
    }
  }

  override handleDataRow(message: unknown): void {
    if (this.unanswered === 0) super.handleDataRow(message);
  }

  override handleCommandComplete(message: unknown, connection: unknown): void {
    const checked = this.unanswered > 0 ? this.before[this.before.length - this.unanswered]!.checks : this.checks;
    if (checked) checked.checked = true;
    if (this.unanswered > 0) this.unanswered--;
    else super.handleCommandComplete(message, connection);
  }
}

const KEPT = '/* kept prepared:';

/**
 * Mark a statement to be kept prepared by each connection that runs it in a municipality's scope:
 * PostgreSQL then parses and plans it once per connection (after five runs it may keep one plan for
 * all) instead of on every request. For a statement whose plan does not depend on its values — a
 * case's page by its id planned in 0.65 ms for 0.4 ms of work; a registration's write, half of
 * whose 2.8 ms went to parsing and planning it — never for a list, whose plans do (a city of
 * 400,000 cases and a town of 90 are planned apart). A statement whose text varies (the write, by
 * its count of parties and documents) is kept once for each text. The mark is an SQL comment, so it
 * passes through Prisma's `$queryRaw` as it is.
 */
export function keptPrepared(label: string): string {
  if (!/^[\w-]+$/.test(label)) throw new RangeError(`A kept statement's label is letters, digits, _ and -: ${label}`);
  return `${KEPT} ${label} */`;
}

const preparedNames = new Map<string, string>();

/** The statement's name on the connection if it is marked (its label and its text's hash: a text changed by a deploy is a new statement). */
function preparedName(text: string): string | undefined {
  if (!text.startsWith(KEPT)) return undefined;
  let name = preparedNames.get(text);
  if (name === undefined) {
    const label = text.slice(KEPT.length + 1, text.indexOf(' */'));
    name = `${label}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    if (preparedNames.size >= 100) preparedNames.clear();
    preparedNames.set(text, name);
  }
  return name;
}

type Callback = (error: Error | undefined, result?: unknown) => void;

/** A client of the pool, and the scope of the code that took it from the pool. */
class ScopedClient extends pg.Client {
  checkedOutFor: Scope | undefined;
  /** Statements given as promises and not yet settled, and when the last of them settles. */
  private unsettled = 0;
  private settled: Promise<void> = Promise.resolve();

  // pg's overloads, as one: (config or text, values?, callback?).
  override query(...args: unknown[]): never {
    const scope = this.checkedOutFor;
    this.checkedOutFor = undefined;
    const [config, values, callback] = args;
    const query = (super.query as (...a: unknown[]) => Promise<unknown>).bind(this);
    const opening = scope && isBegin(config) ? openingTransaction(scope, config as pg.QueryConfig) : undefined;
    const send = () => (opening ? answered(opening, query) : query(config, values, callback));
    if (callback !== undefined || typeof values === 'function' || isSubmittable(config)) {
      if (!opening) return query(config, values, callback) as never;
      opening.callback = (callback ?? values) as Callback;
      return query(opening) as never;
    }
    // One statement at a time on a connection: Prisma's query interpreter loads a transaction's
    // sibling relations (an `include` of two) at once on its one connection (prisma/orm#29407). pg
    // queued them, but deprecates its queue since 8.19 and will refuse such a call in pg 9: they
    // wait here instead, each sent as the one before it settles.
    let result: Promise<unknown>;
    try {
      result = this.unsettled++ === 0 ? send() : this.settled.then(send);
    } catch (error) {
      this.unsettled--;
      throw error;
    }
    const done = () => void this.unsettled--;
    this.settled = result.then(done, done);
    return result as never;
  }
}

/**
 * A BEGIN the caller sent as a statement, answered as one: pg gives a query object it is handed back
 * as it is, and reports its failure as an event — which, unheard, would end the process (a BEGIN
 * whose session's check failed, say). Its answer is a promise of its end instead, as a statement's.
 */
function answered(opening: StatementBehind, query: (submittable: StatementBehind) => unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    opening.callback = (error, result) => (error ? reject(error) : resolve(result));
    query(opening);
  });
}

function isSubmittable(config: unknown): boolean {
  return typeof (config as { submit?: unknown } | null)?.submit === 'function';
}

function isBegin(config: unknown): boolean {
  if (isSubmittable(config)) return false;
  const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
  return typeof text === 'string' && text.trim().toUpperCase() === 'BEGIN';
}

/**
 * BEGIN, then the municipality, in one round trip: a transaction opened in a scope (a service's
 * `$transaction`, or one Prisma opens itself for a nested write) is in its municipality from its
 * first statement. (A `SET TRANSACTION ISOLATION LEVEL` after it would be refused by PostgreSQL —
 * loudly; no service sets one.)
 */
function openingTransaction(scope: Scope, begin: pg.QueryConfig): StatementBehind {
  return new StatementBehind([{ text: 'BEGIN', values: [] }], { ...begin, ...scopeFrame(scope) });
}

/**
 * The pool under the Prisma adapter, which makes each statement it is given in a municipality's
 * scope run in that municipality: a statement alone (the pool's `query`) goes behind the setting in
 * one round trip and one implicit transaction (and behind the statements a FramedQuery puts in
 * front of it, in the same, in a scope or not); a connection taken for a transaction (`connect`)
 * names the municipality with its BEGIN. The scope is read when the pool is called — not when a
 * connection comes free, which happens in the code of whoever freed it.
 */
export class MunicipalityPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super({ ...config, Client: ScopedClient } as pg.PoolConfig);
  }

  // pg-pool's overloads, as one: (config or text, values?, callback?).
  override query(...args: unknown[]): never {
    const scope = currentScope();
    const [config, values, callback] = args;
    const plain = (super.query as (...a: unknown[]) => never).bind(this);
    const behind = (config as FramedQuery | null)?.behind ?? [];
    if (isSubmittable(config) || (!scope && !behind.length)) return plain(...args);
    const { behind: _sentInFront, ...statement }: FramedQuery = typeof config === 'string' ? { text: config } : (config as FramedQuery);
    if (Array.isArray(values)) statement.values = values;
    if (scope) statement.name ??= preparedName(statement.text);
    const frame = scope ? [scopeFrame(scope)] : [];
    const inFront = scope ? behind.map((s) => ({ ...s, name: preparedName(s.text) })) : behind;
    const framed = new StatementBehind([...frame, ...inFront], statement);
    return plain(framed, typeof values === 'function' ? values : callback);
  }

  override connect(...args: unknown[]): never {
    const scope = currentScope();
    const [callback] = args as [Callback | undefined];
    const mark = (client: unknown) => {
      (client as ScopedClient).checkedOutFor = scope;
      return client;
    };
    const connect = (super.connect as (...a: unknown[]) => unknown).bind(this);
    if (callback) {
      return connect((error: Error | undefined, client: unknown, release: unknown) =>
        (callback as (...a: unknown[]) => void)(error, client && mark(client), release),
      ) as never;
    }
    return (connect() as Promise<unknown>).then(mark) as never;
  }
}
