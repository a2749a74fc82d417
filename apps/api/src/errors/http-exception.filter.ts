import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Prisma } from '@madoguchi/db';
import type { Response } from 'express';
import type { ApiErrorBody } from './api-error';

/** Codes and Japanese messages for the statuses the framework itself raises. */
const BY_STATUS: Record<number, { code: string; message: string }> = {
  400: { code: 'bad_request', message: 'リクエストの形式が正しくありません。' },
  401: { code: 'unauthenticated', message: 'ログインしてください。' },
  403: { code: 'forbidden', message: 'この操作を行う権限がありません。' },
  404: { code: 'not_found', message: '指定されたものが見つかりません。' },
  405: { code: 'method_not_allowed', message: 'この操作はできません。' },
  409: { code: 'conflict', message: '他の操作と競合しました。画面を更新してやり直してください。' },
  413: { code: 'payload_too_large', message: '送信された内容が大きすぎます。' },
  415: { code: 'unsupported_media_type', message: 'JSON で送信してください。' },
  422: { code: 'unprocessable', message: '要件を満たしていません。' },
  429: { code: 'too_many_requests', message: '操作が多すぎます。しばらく待ってからやり直してください。' },
};
/** Prisma's error codes for constraint violations (https://www.prisma.io/docs/orm/reference/error-reference). */
const PRISMA_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  P2002: { status: 409, code: 'duplicate', message: '同じ内容のものが既にあります。' },
  P2003: { status: 422, code: 'reference_not_found', message: '関連するデータが見つかりません。' },
  P2025: { status: 404, code: 'not_found', message: '指定されたものが見つかりません。' },
};

/** Prisma's codes for a database that is away, dropped the connection, or lost the transaction with it (P2028). */
const CONNECTION_LOST = new Set(['P1001', 'P1008', 'P1017', 'P1018', 'P2024', 'P2028', 'P2037']);
/** PostgreSQL's SQLSTATEs for the same: class 08, and the server shutting down or starting (57P01–57P03). */
const CONNECTION_SQLSTATE = /^(08|57P0[123])/;

const UNAVAILABLE: ApiErrorBody = { code: 'database_unavailable', message: 'データベースに一時的に接続できません。何も登録されていません。少し待ってからやり直してください。', details: [] };

/**
 * Is this the database going away under a request (a failover, a restart, a dropped connection)?
 * Its transaction was rolled back with it, so the honest answer is 503: nothing was written, try
 * again; not a 500.
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  // The pg driver adapter's error, alone or wrapped by Prisma (P2010 raw query, P2039 database error).
  const adapterCause = (error: unknown) => (error as { cause?: { originalCode?: string; kind?: string } } | undefined)?.cause;
  const lostByAdapter = (error: unknown) => {
    const cause = adapterCause(error);
    return cause?.kind === 'ConnectionClosed' || CONNECTION_SQLSTATE.test(cause?.originalCode ?? '');
  };
  if (exception instanceof Prisma.PrismaClientKnownRequestError) {
    return CONNECTION_LOST.has(exception.code) || lostByAdapter((exception.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  if (exception instanceof Prisma.PrismaClientInitializationError) return true;
  if (exception instanceof Error && exception.name === 'DriverAdapterError') return lostByAdapter(exception);
  // node-postgres on a socket that has gone: "Connection terminated…", "…not queryable".
  return exception instanceof Error && /connection terminated|not queryable|ECONNREFUSED|ECONNRESET/i.test(exception.message);
}

const INTERNAL: ApiErrorBody = { code: 'internal_error', message: 'システムエラーが発生しました。時間をおいてやり直してください。', details: [] };

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).code === 'string' && typeof (value as ApiErrorBody).message === 'string';
}

/**
 * Every error leaves in the one shape of shared/API.md. Exceptions that already carry a code keep
 * it; framework exceptions get the code of their status; anything unexpected is a logged 500
 * whose details stay in the log.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const given = exception.getResponse();
      const body: ApiErrorBody = isApiErrorBody(given)
        ? { ...given, details: given.details ?? [] }
        : { ...(BY_STATUS[status] ?? { code: `http_${status}`, message: exception.message }), details: [] };
      res.status(status).json(body);
      return;
    }
    // A constraint the database enforces: a duplicate is a conflict, a dangling reference a refusal.
    if (exception instanceof Prisma.PrismaClientKnownRequestError) {
      const mapped = PRISMA_ERRORS[exception.code];
      if (mapped) {
        res.status(mapped.status).json({ code: mapped.code, message: mapped.message, details: [] });
        return;
      }
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message.split('\n').at(-1) : String(exception)}`);
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json(UNAVAILABLE);
      return;
    }
    // Errors raised by Express middleware (e.g. malformed JSON) carry their status instead.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ ...(BY_STATUS[status] ?? BY_STATUS[400]!), details: [] });
      return;
    }
    this.logger.error(exception instanceof Error ? exception : String(exception));
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json(INTERNAL);
  }
}
