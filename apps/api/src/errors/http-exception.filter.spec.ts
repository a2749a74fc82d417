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
});
