import { Writable } from 'node:stream';
import { createLogger, scrubSecrets } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger('test', 'info', stream) };
}

describe('logs', () => {
  it('redact secret-sounding fields wherever they are', () => {
    expect(scrubSecrets({ body: { newPin: '1234', password: 'hunter22', nested: [{ accessToken: 'abc' }] }, ok: 'yes' })).toEqual({
      body: { newPin: '[REDACTED]', password: '[REDACTED]', nested: [{ accessToken: '[REDACTED]' }] },
      ok: 'yes',
    });
  });

  it('scrub PIN-like and individual-number-like digit runs from any text, messages included', () => {
    const { lines, logger } = capture();
    logger.info({ note: '番号は 1234 5678 9012 です', other: 'pin 0000' }, 'reset 9876 for 1234-5678-9018');
    // What was logged, without the line's own numbers: its millisecond time or pid may hold a planted digit run (1796286000069 held 0000).
    const { time: _time, pid: _pid, ...logged } = JSON.parse(lines.join('')) as Record<string, unknown>;
    const out = JSON.stringify(logged);
    for (const secret of ['1234 5678 9012', '0000', '9876', '1234-5678-9018']) expect(out).not.toContain(secret);
    expect(logged.msg).toBe('reset [REDACTED] for [REDACTED]');
    expect(logged.other).toBe('pin [REDACTED]');
  });

  it('hide the password of a connection string (and, erring on the safe side, a 4-digit port)', () => {
    expect(scrubSecrets({ msg: 'cannot reach postgresql://app:s3cr3t-pw@db.example:5432/x' })).toEqual({
      msg: 'cannot reach postgresql://app:[REDACTED]@db.example:[REDACTED]/x',
    });
  });

  it('leave short numbers and ordinary words alone', () => {
    expect(scrubSecrets({ msg: 'case 12 moved to completed', office: 'HQ' })).toEqual({ msg: 'case 12 moved to completed', office: 'HQ' });
  });

  it('keep row ids whole, while scrubbing what stands beside them', () => {
    const id = 'cd840962-0a79-4597-a59b-f8e08c36de17';
    expect(scrubSecrets({ letterId: id, msg: `letter ${id} for 1234` })).toEqual({ letterId: id, msg: `letter ${id} for [REDACTED]` });
  });
});
