import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClassTrie, type TrieItem } from './classTrie';

interface Item extends TrieItem {
  readonly id: number;
  readonly codes: number[];
}

const keyLength = 3;
const codeSet = fc.uniqueArray(fc.nat(9), { minLength: 0, maxLength: 5 }).map((codes) => {
  return [...codes].sort((a, b) => a - b);
});
const rank = fc.oneof(
  fc.constant(-Infinity),
  fc.integer({ min: -2_000_000, max: 20 }).map((value) => value / 4),
);
const change = fc.record({ item: fc.nat(), rank, remove: fc.boolean() });

/** Whether every keyed code of `item` is among `codes`: the trie promises to find those. */
const reachable = (item: Item, codes: readonly number[]) =>
  item.codes.slice(0, keyLength).every((code) => codes.includes(code));

describe('ClassTrie', () => {
  it('a search never skips the best reachable item, whatever order heads changed in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ codes: codeSet, aging: fc.constantFrom(0, 1 / 60_000, 1 / 30_000) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(change, { maxLength: 80 }),
        codeSet,
        fc.integer({ min: -1_000, max: 2_000_000 }),
        (specs, changes, agentCodes, now) => {
          const trie = new ClassTrie<Item>(keyLength);
          let items: Item[] = specs.map((spec, id) => ({
            id,
            codes: spec.codes,
            agingPerMs: spec.aging,
            headRank: -Infinity,
          }));
          for (const item of items) trie.add(item.codes, item);
          for (const step of changes) {
            const item = items[step.item % items.length];
            if (!item) break;
            if (step.remove) {
              trie.delete(item.codes, item);
              items = items.filter((other) => other !== item);
            } else trie.update(item.codes, item, step.rank);
          }
          const score = (item: Item) => item.headRank + item.agingPerMs * now;
          // Brute force: the best score among non-empty items the agent's codes reach.
          let truth = -Infinity;
          for (const item of items)
            if (item.headRank !== -Infinity && reachable(item, agentCodes))
              truth = Math.max(truth, score(item));
          // Branch and bound through the trie, the floor rising as better items are met.
          const visited: Item[] = [];
          const search = {
            floor: -Infinity,
            visit(item: Item) {
              visited.push(item);
              if (item.headRank !== -Infinity && score(item) > search.floor)
                search.floor = score(item);
            },
          };
          trie.search(agentCodes, now, search);
          expect(search.floor).toBe(truth);
          for (const item of visited) {
            expect(items).toContain(item);
            expect(reachable(item, agentCodes)).toBe(true);
          }
          // Without a floor every reachable item is visited once.
          const all: Item[] = [];
          trie.search(agentCodes, now, {
            floor: -Infinity,
            visit: (item) => all.push(item),
          });
          expect(all.map((item) => item.id).sort((a, b) => a - b)).toEqual(
            items
              .filter((item) => reachable(item, agentCodes))
              .map((item) => item.id)
              .sort((a, b) => a - b),
          );
        },
      ),
      { numRuns: 400, seed: 20_261_126 },
    );
  });
});
