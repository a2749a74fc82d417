import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Prisma } from '@madoguchi/db';
import { localize, refusal, type Refusal, type RefusalCode, type RefusalKind } from '@madoguchi/domain';
import type { ApiError } from '@madoguchi/contract';
import type { Answer, Asked } from '../http/answer';
import { Refused } from './refused';
import { adapterCauseOf, sqlStateOf } from '../database/sql-state';

/** The one place a refusal's kind becomes an HTTP status. */
export const STATUS_OF: Record<RefusalKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  refused: 422,
  throttled: 429,
  internal: 500,
  unavailable: 503,
};

/** The statuses the framework and the HTTP server raise on their own (an unknown route, a body too large...). */
const BY_STATUS: Record<number, RefusalCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};
/** Prisma's error codes for constraint violations (https://www.prisma.io/docs/orm/reference/error-reference). */
const PRISMA_ERRORS: Record<string, RefusalCode> = { P2002: 'duplicate', P2003: 'reference_not_found', P2025: 'not_found' };

/** Prisma's codes for a database that is away, dropped the connection, or lost the transaction with it (P2028). */
const CONNECTION_LOST = new Set(['P1001', 'P1008', 'P1017', 'P1018', 'P2024', 'P2028', 'P2037']);
/** PostgreSQL's SQLSTATEs for the same: class 08, and the server shutting down or starting (57P01–57P03). */
const CONNECTION_SQLSTATE = /^(08|57P0[123])/;
const lostConnection = (sqlState: unknown) => typeof sqlState === 'string' && CONNECTION_SQLSTATE.test(sqlState);

/**
 * Is this the database going away under a request (a failover, a restart, a dropped connection)?
 * Its transaction was rolled back with it, so the honest answer is 503: nothing was written, try
 * again; not a 500.
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  // The pg driver adapter's error, alone or wrapped by Prisma (P2010 raw query, P2039 database error).
  const lostByAdapter = () => adapterCauseOf(exception)?.kind === 'ConnectionClosed' || lostConnection(sqlStateOf(exception));
  if (exception instanceof Prisma.PrismaClientKnownRequestError) return CONNECTION_LOST.has(exception.code) || lostByAdapter();
  if (exception instanceof Prisma.PrismaClientInitializationError) return true;
  if (exception instanceof Error && exception.name === 'DriverAdapterError') return lostByAdapter();
  // pg's own error, from a read sent straight to the pool (readRows): its SQLSTATE.
  if (lostConnection(sqlStateOf(exception))) return true;
  // node-postgres on a socket that has gone: "Connection terminated…", "…not queryable".
  return exception instanceof Error && /connection terminated|not queryable|ECONNREFUSED|ECONNRESET/i.test(exception.message);
}

/** English when the caller asks for it first (`Accept-Language: en`), Japanese otherwise. */
export function localeOf(req: Asked | undefined): 'ja' | 'en' {
  const header = req?.headers?.['accept-language'];
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'ja';
}

/** The answer's body: the refusal and its fields in the caller's language. */
export function errorBody(r: Refusal, details: readonly Refusal[], locale: 'ja' | 'en'): ApiError {
  return { code: r.code, message: localize(r, locale), details: details.map((d) => ({ path: d.path ?? '', code: d.code, message: localize(d, locale) })) };
}

/**
 * Every error leaves in the one shape of shared/API.md, and this is the only place that knows
 * HTTP statuses: a `Refused` by its kind; the framework's own exceptions by their status; a
 * constraint the database enforced; the database gone (503, nothing written); anything else a
 * logged 500 whose details stay in the log.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Answer>();
    const locale = localeOf(http.getRequest<Asked | undefined>());
    const send = (r: Refusal, details: readonly Refusal[] = []) => {
      res.status(STATUS_OF[r.kind]).send(errorBody(r, details, locale));
    };
    if (exception instanceof Refused) {
      if (exception.retryAfterSeconds !== undefined) res.header('Retry-After', String(exception.retryAfterSeconds));
      return send(exception.refusal, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = BY_STATUS[status];
      if (code) return send(refusal(code as 'not_found'));
      res.status(status).send({ code: `http_${status}`, message: exception.message, details: [] });
      return;
    }
    // A constraint the database enforces: a duplicate is a conflict, a dangling reference a refusal.
    if (exception instanceof Prisma.PrismaClientKnownRequestError && PRISMA_ERRORS[exception.code]) {
      return send(refusal(PRISMA_ERRORS[exception.code] as 'duplicate'));
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message.split('\n').at(-1) : String(exception)}`);
      return send(refusal('database_unavailable'));
    }
    // Errors the HTTP server raises on its own (a malformed JSON body, one too large) carry their status.
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) return send(refusal((BY_STATUS[status] ?? 'bad_request') as 'bad_request'));
    this.logger.error(exception instanceof Error ? exception : String(exception));
    send(refusal('internal_error'));
  }
}
