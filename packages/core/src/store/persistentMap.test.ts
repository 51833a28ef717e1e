import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { PersistentMap } from './persistentMap';

// Keys whose 32-bit FNV-1a hashes are equal, found by search: they share one trie path.
const colliding = ['k32728', 'k261234'] as const;

type Operation = { kind: 'set'; key: string; value: number } | { kind: 'delete'; key: string };

// Runs of tens of keys, so that keys share trie slots and branches nest and collapse:
// with the default size, maps held at most 7 keys and a trie a level too deep went unnoticed.
const keys = fc.oneof(
  fc.constantFrom('a', 'b', 'c', ...colliding),
  fc.string({ maxLength: 4 }),
  fc.nat(200).map((n) => `k${n}`),
);
const operations = fc.array(
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('set' as const), key: keys, value: fc.integer() }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), key: keys }) },
  ),
  { minLength: 20, maxLength: 100, size: 'max' },
);

describe('PersistentMap', () => {
  test.prop([operations])(
    'behaves like a Map and never changes an older version',
    (steps: Operation[]) => {
      const model = new Map<string, number>();
      let map = PersistentMap.empty<string, number>();
      const versions: [PersistentMap<string, number>, Map<string, number>][] = [];
      for (const step of steps) {
        versions.push([map, new Map(model)]);
        if (step.kind === 'set') {
          model.set(step.key, step.value);
          map = map.set(step.key, step.value);
        } else {
          model.delete(step.key);
          map = map.delete(step.key);
        }
        expect(map.size).toBe(model.size);
      }
      expect(new Map(map)).toEqual(model);
      for (const [version, expected] of versions) {
        expect(new Map(version.entries())).toEqual(expected);
        for (const key of expected.keys()) expect(version.get(key)).toBe(expected.get(key));
      }
    },
  );

  it('returns the same map when nothing changes', () => {
    const map = PersistentMap.from([['a', 1]]);
    expect(map.set('a', 1)).toBe(map);
    expect(map.delete('zzz')).toBe(map);
  });

  it('keeps colliding keys apart and removes them one by one', () => {
    let map = PersistentMap.from<string, number>([
      [colliding[0], 1],
      [colliding[1], 2],
      ['other', 3],
    ]);
    expect(map.get(colliding[0])).toBe(1);
    expect(map.get(colliding[1])).toBe(2);
    map = map.delete(colliding[0]);
    expect(map.has(colliding[0])).toBe(false);
    expect(map.get(colliding[1])).toBe(2);
    expect(map.size).toBe(2);
  });

  it('offers the ReadonlyMap reads and serialises to a plain object', () => {
    const map = PersistentMap.from([
      ['x', 1],
      ['y', 2],
    ]);
    const seen: string[] = [];
    map.forEach((value, key) => seen.push(`${key}=${value}`));
    expect(seen.sort()).toEqual(['x=1', 'y=2']);
    expect([...map.keys()].sort()).toEqual(['x', 'y']);
    expect([...map.values()].sort()).toEqual([1, 2]);
    expect(JSON.parse(JSON.stringify({ map }))).toEqual({ map: { x: 1, y: 2 } });
    expect(Object.isFrozen(map)).toBe(true);
  });
});
