/**
 * A size-limited map that forgets the least recently used entry first: the module caches live as
 * long as the ESLint process (an editor, eslint_d), so they must not grow with every file seen.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    readonly maxEntries: number,
    /** Told about every entry the bound pushes out. */
    private readonly onEvict?: (key: K, value: V) => void,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as the most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) {
      const [oldest, evicted] = this.entries.entries().next().value as [K, V];
      this.entries.delete(oldest);
      this.onEvict?.(oldest, evicted);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
