/**
 * A map of at most `capacity` entries that forgets by second chance: when full, the entry kept
 * longest goes, unless it was read since it was last passed over — then it is moved behind the
 * others and the next is looked at. Reading an entry only marks it (no reordering on every read,
 * which a least-recently-used map would do).
 */
export class SecondChanceMap<K, V> {
  private readonly entries = new Map<K, { value: V; read: boolean }>();

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('a SecondChanceMap holds at least one entry');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    entry.read = true;
    return entry.value;
  }

  set(key: K, value: V): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.value = value;
      return;
    }
    if (this.entries.size >= this.capacity) this.forgetOne();
    this.entries.set(key, { value, read: false });
  }

  private forgetOne(): void {
    // An entry moved behind the others comes round again in this loop (a Map visits entries added
    // while it iterates), unmarked: the loop ends at the latest there.
    for (const [key, entry] of this.entries) {
      this.entries.delete(key);
      if (!entry.read) return;
      entry.read = false;
      this.entries.set(key, entry);
    }
  }
}
