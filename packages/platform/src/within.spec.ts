import { within } from './within';

describe('within', () => {
  it('answers what the call answers in time', async () => {
    await expect(within(Promise.resolve('PONG'), 1000)).resolves.toBe('PONG');
  });

  it('fails with the message once the time is up', async () => {
    await expect(within(new Promise(() => undefined), 10, 'Redis did not answer within 10 ms')).rejects.toThrow('Redis did not answer within 10 ms');
  });
});
