import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClassTrie, skillBits, type TrieItem } from './classTrie';

interface Item extends TrieItem {
  readonly id: number;
  readonly codes: number[];
}

const keyLength = 3;
// Codes 0, 12, … 108: 96 and 108 share their skill bits with 0 and 12, as codes 32 apart do.
const codeSet = fc.uniqueArray(fc.nat(9), { minLength: 0, maxLength: 5 }).map((codes) => {
  return codes.map((code) => code * 12).sort((a, b) => a - b);
});
const rank = fc.oneof(
  fc.constant(-Infinity),
  fc.integer({ min: -2_000_000, max: 20 }).map((value) => value / 4),
);
const change = fc.record({ item: fc.nat(), rank, remove: fc.boolean() });

/** Whether every keyed code of `item` is among `codes`: the trie may lead there. */
const reachable = (item: Item, codes: readonly number[]) =>
  item.codes.slice(0, keyLength).every((code) => codes.includes(code));

/** Whether every code of `item` is among `codes`: the trie promises to find those. */
const covered = (item: Item, codes: readonly number[]) =>
  item.codes.every((code) => codes.includes(code));

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
            needs: skillBits(spec.codes),
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
          // Brute force: the best score among non-empty items the agent has every code of.
          let truth = -Infinity;
          for (const item of items)
            if (item.headRank !== -Infinity && covered(item, agentCodes))
              truth = Math.max(truth, score(item));
          // Branch and bound through the trie, the floor rising as better items are met.
          const holds = skillBits(agentCodes);
          const visited: Item[] = [];
          const search = {
            floor: -Infinity,
            holds,
            visit(item: Item) {
              visited.push(item);
              if (
                item.headRank !== -Infinity &&
                covered(item, agentCodes) &&
                score(item) > search.floor
              )
                search.floor = score(item);
            },
          };
          trie.search(agentCodes, now, search);
          expect(search.floor).toBe(truth);
          for (const item of visited) {
            expect(items).toContain(item);
            expect(reachable(item, agentCodes)).toBe(true);
          }
          // Without a floor every covered non-empty item is visited once, and nothing unreachable.
          const all: Item[] = [];
          trie.search(agentCodes, now, {
            floor: -Infinity,
            holds,
            visit: (item) => all.push(item),
          });
          expect(new Set(all).size).toBe(all.length);
          for (const item of all) expect(reachable(item, agentCodes)).toBe(true);
          for (const item of items)
            if (item.headRank !== -Infinity && covered(item, agentCodes))
              expect(all).toContain(item);
          // An agent that holds every bit is pruned by bounds alone: every reachable item.
          const every: Item[] = [];
          trie.search(agentCodes, -1, {
            floor: Infinity,
            holds: -1,
            visit: (item) => every.push(item),
          });
          expect(every.length).toBe(items.filter((item) => reachable(item, agentCodes)).length);
        },
      ),
      { numRuns: 400, seed: 20_261_126 },
    );
  });
});
