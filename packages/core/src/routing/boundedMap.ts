/**
 * A map that keeps at most `limit` keys, forgetting the oldest first. Eviction walks a ring of
 * keys, so every operation is O(1) (deleting the first keys of a `Map` and reading
 * `keys().next()` would cost O(deleted) each time).
 *
 * @internal
 */
export class BoundedMap<K, V> {
  private readonly values = new Map<K, V>();
  private readonly ring: (K | undefined)[] = [];
  private next = 0;

  constructor(private readonly limit: number) {}

  /** The value under `key`. */
  get(key: K): V | undefined {
    return this.values.get(key);
  }

  /** Stores `value`; a new key may push out the oldest one. */
  set(key: K, value: V): void {
    if (this.limit === 0) return;
    if (!this.values.has(key)) {
      const evicted = this.ring[this.next];
      if (evicted !== undefined) this.values.delete(evicted);
      this.ring[this.next] = key;
      this.next = (this.next + 1) % this.limit;
    }
    this.values.set(key, value);
  }
}
