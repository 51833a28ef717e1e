/** What a {@link ClassTrie} files: a class of contacts whose best one bounds a search. */
export interface TrieItem {
  /** The rank of its best contact, -Infinity when it has none; set by {@link ClassTrie.update}. */
  headRank: number;
  /** Ageing: a contact's score at `now` is its rank + agingPerMs × now (never negative). */
  readonly agingPerMs: number;
  /** The {@link skillBits} of every skill code its contacts need, keyed or not. */
  readonly needs: number;
}

/**
 * Skill codes folded into one 32-bit mask (code mod 32). A set of codes lacks some code of
 * another set when the second's mask has a bit the first's has not; the converse may not hold.
 */
export function skillBits(codes: readonly number[]): number {
  let bits = 0;
  for (const code of codes) bits |= 1 << (code & 31);
  return bits;
}

/** Visits the items of a {@link ClassTrie.search}; `floor` may rise as it goes. */
export interface TrieSearch<T> {
  /** The score to reach: a branch whose best contact scores below it is skipped. */
  floor: number;
  /**
   * The {@link skillBits} of the searcher's codes: a branch whose every non-empty item needs a
   * bit outside them, and an item that does, is skipped.
   */
  holds: number;
  /** Called for each item that may reach `floor`. */
  visit(item: T): void;
}

/** One node of a {@link ClassTrie}: the items filed under the codes that lead here. */
interface TrieNode<T> {
  /** Items whose keyed codes end at this node. */
  readonly items: T[];
  /** Longer prefixes, by their next code (a sparse array). */
  readonly children: (TrieNode<T> | undefined)[];
  /** The highest head rank of an item here or below; -Infinity when all are empty. */
  rank: number;
  /** The highest ageing of a non-empty item here or below (0 when none). */
  aging: number;
  /** The skill bits every non-empty item here or below needs; all bits when none. */
  needs: number;
}

const newNode = <T>(): TrieNode<T> => ({
  items: [],
  children: [],
  rank: -Infinity,
  aging: 0,
  needs: -1,
});

/** The path of the last update, reused so that updates allocate nothing. */
const path: TrieNode<TrieItem>[] = [];

/**
 * Routing classes filed by their first skill codes (ascending, up to `keyLength`), as a trie. An
 * agent finds every class filed under a subset of its own codes by walking the trie along those
 * codes only: a prefix no class starts with is never looked at, and each step is an array read.
 * Each node also keeps a bound of the best contact anywhere under it (highest head rank and
 * highest ageing), so a search skips whole branches that cannot beat what it has found.
 *
 * @internal
 */
export class ClassTrie<T extends TrieItem> {
  private readonly root: TrieNode<T> = newNode();

  constructor(private readonly keyLength: number) {}

  /** Files `item` under the first codes of ascending `codes`. */
  add(codes: readonly number[], item: T): void {
    let node = this.root;
    const length = Math.min(codes.length, this.keyLength);
    for (let i = 0; i < length; i += 1) {
      const code = codes[i] as number;
      let child = node.children[code];
      if (!child) {
        child = newNode();
        node.children[code] = child;
      }
      node = child;
    }
    node.items.push(item);
    this.update(codes, item, item.headRank);
  }

  /** Removes `item`, filed under `codes`. */
  delete(codes: readonly number[], item: T): void {
    const items = this.walk(codes)?.items ?? [];
    const slot = items.indexOf(item);
    if (slot >= 0) items.splice(slot, 1);
    this.update(codes, item, -Infinity);
  }

  /** Records that the best contact of `item`, filed under `codes`, now has rank `headRank`. */
  update(codes: readonly number[], item: T, headRank: number): void {
    const rises = headRank >= item.headRank;
    item.headRank = headRank;
    this.walk(codes);
    // A better head only raises the bounds on its path; otherwise they are recomputed bottom up,
    // and a node whose bound did not change leaves those above it as they were.
    for (let i = path.length - 1; i >= 0; i -= 1) {
      const node = path[i] as TrieNode<T>;
      if (!rises) {
        if (!tighten(node)) break;
      } else if (headRank !== -Infinity) {
        node.needs &= item.needs;
        node.rank = Math.max(node.rank, headRank);
        node.aging = Math.max(node.aging, item.agingPerMs);
      }
    }
    path.length = 0;
  }

  /**
   * Visits the items filed under a subset of ascending `codes` whose bound at `now` reaches
   * `search.floor` (all of them when `now` is negative). Allocates nothing.
   */
  search(codes: readonly number[], now: number, search: TrieSearch<T>): void {
    visit(this.root, codes, 0, this.keyLength, now, search);
  }

  /** The node `codes` lead to, with the path from the root in `path`; undefined if none. */
  private walk(codes: readonly number[]): TrieNode<T> | undefined {
    let node: TrieNode<T> | undefined = this.root;
    path.length = 0;
    path.push(node);
    const length = Math.min(codes.length, this.keyLength);
    for (let i = 0; i < length && node; i += 1) {
      node = node.children[codes[i] as number];
      if (node) path.push(node);
    }
    if (!node) path.length = 0;
    return node;
  }
}

/** Recomputes a node's bound from its items and children; true when it changed. */
function tighten<T extends TrieItem>(node: TrieNode<T>): boolean {
  let rank = -Infinity;
  let aging = 0;
  let needs = -1;
  for (const item of node.items) {
    if (item.headRank === -Infinity) continue;
    if (item.headRank > rank) rank = item.headRank;
    if (item.agingPerMs > aging) aging = item.agingPerMs;
    needs &= item.needs;
  }
  for (const kid of node.children) {
    if (!kid || kid.rank === -Infinity) continue;
    if (kid.rank > rank) rank = kid.rank;
    if (kid.aging > aging) aging = kid.aging;
    needs &= kid.needs;
  }
  const changed = rank !== node.rank || aging !== node.aging || needs !== node.needs;
  node.rank = rank;
  node.aging = aging;
  node.needs = needs;
  return changed;
}

function visit<T extends TrieItem>(
  node: TrieNode<T>,
  codes: readonly number[],
  start: number,
  depth: number,
  now: number,
  search: TrieSearch<T>,
): void {
  // The bounds hold for now >= 0 (ageing is never negative); before that, nothing is skipped.
  const lacks = ~search.holds;
  for (const item of node.items)
    if (
      (item.needs & lacks) === 0 &&
      (now < 0 || item.headRank + item.agingPerMs * now >= search.floor)
    )
      search.visit(item);
  if (depth === 0) return;
  for (let i = start; i < codes.length; i += 1) {
    const child = node.children[codes[i] as number];
    if (
      child &&
      (child.needs & lacks) === 0 &&
      (now < 0 || child.rank + child.aging * now >= search.floor)
    )
      visit(child, codes, i + 1, depth - 1, now, search);
  }
}
