import { type ArgumentsHost, Logger } from '@nestjs/common';
import { Prisma } from '@madoguchi/db';
import { refusal } from '@madoguchi/domain';
import { HttpExceptionFilter } from './http-exception.filter';
import { Refused, refused, refusedWith } from './refused';

function respond(exception: unknown, headers: Record<string, string> = {}) {
  const sent: { status?: number; body?: unknown } = {};
  const res = { status: (s: number) => ((sent.status = s), res), send: (b: unknown) => ((sent.body = b), res), header: () => res };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ headers }) }) } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return sent;
}

// The filter logs what it turns into a 500 or a 503; these tests look at the answer, not the log.
beforeAll(() => Logger.overrideLogger(false));
afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

const prismaError = (code: string) => new Prisma.PrismaClientKnownRequestError('constraint', { code, clientVersion: 'test' });

describe('HttpExceptionFilter', () => {
  it.each([
    ['invalid_request', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['case_not_found', 404],
    ['version_conflict', 409],
    ['requirements_not_met', 422],
    ['too_many_requests', 429],
    ['database_unavailable', 503],
  ] as const)('answers a refusal %s with %i', (code, status) => {
    const sent = respond(new Refused(refusal(code)));
    expect(sent.status).toBe(status);
    expect(sent.body).toMatchObject({ code, details: [] });
  });

  it('answers in English when asked, the fields included, and in Japanese otherwise', () => {
    const error = refusedWith('requirements_not_met', [refusal('holder_too_old_for_parent', { limit: 18 }, 'route')]);
    expect(respond(error, { 'accept-language': 'en-US,en;q=0.9' }).body).toEqual({
      code: 'requirements_not_met',
      message: 'The application does not meet the rules, so it cannot be registered.',
      details: [{ path: 'route', code: 'holder_too_old_for_parent', message: expect.stringMatching(/^The holder is 18 or older/) }],
    });
    expect(respond(error, { 'accept-language': 'ja,en;q=0.5' }).body).toMatchObject({ message: '申請の要件を満たしていないため、受付できません。' });
    expect(respond(refused('case_not_found')).body).toEqual({ code: 'case_not_found', message: '指定された申請が見つかりません。', details: [] });
  });

  it.each([
    ['P2002', 409, 'duplicate'],
    ['P2003', 422, 'reference_not_found'],
    ['P2025', 404, 'not_found'],
  ])('maps the database’s %s to %i', (code, status, apiCode) => {
    const sent = respond(prismaError(code));
    expect(sent.status).toBe(status);
    expect(sent.body).toMatchObject({ code: apiCode, details: [] });
  });

  it('keeps an unexpected error’s details out of the answer', () => {
    const sent = respond(new Error('connection string postgresql://user:secret@db/x'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });

  it.each([
    ['a dropped connection', prismaError('P1017')],
    ['a transaction lost with its connection', prismaError('P2028')],
    [
      'the server terminating the session',
      new Prisma.PrismaClientKnownRequestError('Raw query failed', {
        code: 'P2010',
        clientVersion: 'test',
        meta: { driverAdapterError: { cause: { originalCode: '57P01', kind: 'postgres' } } },
      }),
    ],
    [
      'the pg driver adapter’s own error',
      Object.assign(new Error('terminating connection due to administrator command'), { name: 'DriverAdapterError', cause: { originalCode: '57P01' } }),
    ],
    ['node-postgres on a dead socket', new Error('Client has encountered a connection error and is not queryable')],
    [
      'the server terminating a read sent straight to pg (readRows)',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
  ])('answers 503 (nothing written, try again) for %s', (_what, error) => {
    const sent = respond(error);
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ code: 'database_unavailable' });
  });

  it('still answers 500 for a database error that is not about the connection', () => {
    const sent = respond(
      new Prisma.PrismaClientKnownRequestError('Database error', {
        code: 'P2039',
        clientVersion: 'test',
        meta: { driverAdapterError: { cause: { originalCode: '42P01' } } },
      }),
    );
    expect(sent.status).toBe(500);
    expect(respond(Object.assign(new Error('relation "cases" does not exist'), { code: '42P01' })).status).toBe(500);
  });
});
