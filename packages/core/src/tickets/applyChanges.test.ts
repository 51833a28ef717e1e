import { fc, test } from '@fast-check/vitest';
import { applyPatches, enablePatches, freeze, type Patch } from 'immer';
import { expect } from 'vitest';
import { applyChanges } from './applyChanges';
import type { TicketChange } from './ticketHistory';

enablePatches();

const base = freeze(
  { a: 1, b: { c: 'x', d: { e: true } }, list: [{ f: 1 }, { f: 2 }], tags: ['t'] },
  true,
);
const path = fc.constantFrom<(string | number)[]>(
  ['a'],
  ['z'],
  ['b', 'c'],
  ['b', 'd', 'e'],
  ['b', 'new'],
  ['list', 0, 'f'],
  ['list', 1],
  ['tags', 1],
);
// A record is replaced whole only by another record (a ticket or a note). That replacement moots
// the changes before it, so it is drawn rarely: most runs chain several changes on the same objects.
const change = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('replace' as const),
      path: fc.constant([]),
      value: fc.dictionary(fc.constantFrom('a', 'b', 'list'), fc.jsonValue()),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constantFrom('add' as const, 'replace' as const),
      path,
      value: fc.jsonValue(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('remove' as const),
      path: path.filter((p) => p.length > 0 && typeof p.at(-1) === 'string'),
    }),
  },
);

test.prop([fc.array(change, { maxLength: 12, size: 'max' })])(
  'applies changes as immer applyPatches does (or refuses them too), leaving the input untouched',
  (changes: TicketChange[]) => {
    let expected: unknown;
    try {
      expected = applyPatches(base, changes as Patch[]);
    } catch {
      // A path that does not resolve: both refuse.
      expect(() => applyChanges(base, changes)).toThrow();
      return;
    }
    const actual = applyChanges(base, changes);
    // Strict: a removed key must be gone, not left undefined.
    expect(actual).toStrictEqual(expected);
    expect(Object.isFrozen(actual)).toBe(true);
    expect(base.b.c).toBe('x');
  },
);
