import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/core/bounded-cache.ts';

describe('BoundedCache: the module caches of a long-running process stay bounded', () => {
  it('never holds more than its bound, however many entries are stored', () => {
    const evicted: number[] = [];
    const cache = new BoundedCache<number, string>(100, (key) => evicted.push(key));
    for (let key = 0; key < 10_000; key++) {
      cache.set(key, `module ${key}`);
      expect(cache.size).toBeLessThanOrEqual(100);
    }
    expect(cache.size).toBe(100);
    expect(evicted).toHaveLength(9_900);
    expect(cache.get(9_999)).toBe('module 9999');
    expect(cache.get(0)).toBeUndefined();
  });

  it('forgets the least recently used entry first (a lookup counts as a use)', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('replacing an entry does not count twice', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    cache.set('b', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBe(2);
  });
});
