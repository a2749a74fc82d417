import { SecondChanceMap } from './second-chance-map';

describe('SecondChanceMap', () => {
  const keys = <K, V>(map: SecondChanceMap<K, V>, candidates: K[]) => candidates.filter((k) => map.get(k) !== undefined);

  it('forgets the entry kept longest when full, if it was not read', () => {
    const map = new SecondChanceMap<string, number>(3);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    map.set('d', 4);
    expect(map.size).toBe(3);
    expect(keys(map, ['a', 'b', 'c', 'd'])).toEqual(['b', 'c', 'd']);
  });

  it('keeps an entry read since it was last passed over, and forgets the next', () => {
    const map = new SecondChanceMap<string, number>(3);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect(map.get('a')).toBe(1);
    map.set('d', 4); // a was read: b goes
    expect([map.size, map.get('b')]).toEqual([3, undefined]);
    expect([map.get('a'), map.get('c'), map.get('d')]).toEqual([1, 3, 4]);
  });

  it('when every entry was read, passes over each once and forgets the first', () => {
    const map = new SecondChanceMap<string, number>(3);
    for (const [k, v] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      map.set(k, v);
    for (const k of ['a', 'b', 'c']) map.get(k);
    map.set('d', 4);
    expect(map.get('a')).toBeUndefined();
    expect([map.get('b'), map.get('c'), map.get('d'), map.size]).toEqual([2, 3, 4, 3]);
  });

  it('replaces a value in place, forgetting nothing', () => {
    const map = new SecondChanceMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 10);
    expect([map.get('a'), map.get('b'), map.size]).toEqual([10, 2, 2]);
  });

  it('refuses a capacity under one', () => {
    expect(() => new SecondChanceMap(0)).toThrow(RangeError);
  });
});
