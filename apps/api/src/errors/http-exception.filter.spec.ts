import type { ArgumentsHost } from '@nestjs/common';
import { Prisma } from '@madoguchi/db';
import { HttpExceptionFilter } from './http-exception.filter';

function respond(exception: unknown) {
  const sent: { status?: number; body?: unknown } = {};
  const res = { status: (s: number) => ((sent.status = s), res), json: (b: unknown) => ((sent.body = b), res) };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return sent;
}

const prismaError = (code: string) => new Prisma.PrismaClientKnownRequestError('constraint', { code, clientVersion: 'test' });

describe('HttpExceptionFilter', () => {
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
    ['the server terminating the session', new Prisma.PrismaClientKnownRequestError('Raw query failed', { code: 'P2010', clientVersion: 'test', meta: { driverAdapterError: { cause: { originalCode: '57P01', kind: 'postgres' } } } })],
    ['the pg driver adapter’s own error', Object.assign(new Error('terminating connection due to administrator command'), { name: 'DriverAdapterError', cause: { originalCode: '57P01' } })],
    ['node-postgres on a dead socket', new Error('Client has encountered a connection error and is not queryable')],
  ])('answers 503 (nothing written, try again) for %s', (_what, error) => {
    const sent = respond(error);
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ code: 'database_unavailable' });
  });

  it('still answers 500 for a database error that is not about the connection', () => {
    const sent = respond(new Prisma.PrismaClientKnownRequestError('Database error', { code: 'P2039', clientVersion: 'test', meta: { driverAdapterError: { cause: { originalCode: '42P01' } } } }));
    expect(sent.status).toBe(500);
  });
});
