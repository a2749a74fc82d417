import { Prisma, SESSION_CHANGED } from '@madoguchi/db';
import { isSessionChanged } from './session-changed';
import { sqlStateOf } from './sql-state';

/** A failed statement's SQLSTATE in each shape it reaches a service in. */
const shapes = (code: string): [string, Error][] => [
  ['pg’s own error (readRows)', Object.assign(new Error('refused'), { code })],
  ['the pg driver adapter’s error', Object.assign(new Error('refused'), { name: 'DriverAdapterError', cause: { originalCode: code, kind: 'postgres' } })],
  [
    'Prisma’s wrapping of it (a raw statement)',
    new Prisma.PrismaClientKnownRequestError('Raw query failed', {
      code: 'P2010',
      clientVersion: 'test',
      meta: { driverAdapterError: { cause: { originalCode: code, kind: 'postgres' } } },
    }),
  ],
];

describe('sqlStateOf', () => {
  it.each(shapes('23505'))('reads it from %s', (_shape, error) => {
    expect(sqlStateOf(error)).toBe('23505');
  });

  it('finds none in a Prisma error of its own, nor in something that is not an error', () => {
    expect(sqlStateOf(new Prisma.PrismaClientKnownRequestError('Unique constraint failed', { code: 'P2002', clientVersion: 'test' }))).toBeUndefined();
    expect(sqlStateOf({ code: '23505' })).toBeUndefined();
  });
});

describe('isSessionChanged', () => {
  it.each(shapes(SESSION_CHANGED))('knows a remembered session that failed its check in %s', (_shape, error) => {
    expect(isSessionChanged(error)).toBe(true);
    expect(isSessionChanged(new Error('the transaction failed', { cause: error }))).toBe(true);
  });

  it('knows no other refusal for it', () => {
    for (const [, error] of shapes('23505')) expect(isSessionChanged(error)).toBe(false);
  });
});
