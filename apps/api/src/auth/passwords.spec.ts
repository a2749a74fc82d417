import { Turns } from './passwords';

/** A piece of work the test ends when it chooses. */
function pending() {
  let end!: (value: string) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<string>((resolve, reject) => ([end, fail] = [resolve, reject]));
  return { promise, end, fail };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('Turns: at most so many pieces of work at once', () => {
  it('runs two at once, and the rest as turns come free, in the order they came', async () => {
    const turns = new Turns(2);
    const work = [pending(), pending(), pending(), pending(), pending()];
    const started: number[] = [];
    const answers = work.map((w, i) =>
      turns.take(() => {
        started.push(i);
        return w.promise;
      }),
    );
    await settled();
    expect(started).toEqual([0, 1]);
    work[1]!.end('b');
    await settled();
    expect(started).toEqual([0, 1, 2]);
    work[0]!.end('a');
    work[2]!.end('c');
    await settled();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    work[3]!.end('d');
    work[4]!.end('e');
    expect(await Promise.all(answers)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('gives a turn back when its work fails, and the failure to its caller', async () => {
    const turns = new Turns(1);
    const first = pending();
    const failed = turns.take(() => first.promise);
    const next = turns.take(async () => 'next');
    first.fail(new Error('argon2 refused'));
    await expect(failed).rejects.toThrow('argon2 refused');
    expect(await next).toBe('next');
    // Free again: a new piece of work starts at once.
    expect(await turns.take(async () => 'after')).toBe('after');
  });
});
