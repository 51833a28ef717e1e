/**
 * An immutable map with string keys: `set` and `delete` return a new map that shares all but
 * O(log32 n) nodes with the old one (a hash array mapped trie). The centre keeps its agents and
 * contacts in these, so a change costs the same with ten contacts or a hundred thousand, and
 * every snapshot stays valid forever. Reads follow `ReadonlyMap`; iteration order is unspecified.
 */
export class PersistentMap<K extends string, V> implements ReadonlyMap<K, V> {
  /** How many entries the map holds. */
  readonly size: number;
  readonly #root: Branch<V>;

  private constructor(root: Branch<V>, size: number) {
    this.#root = root;
    this.size = size;
    Object.freeze(this);
  }

  /** An empty map. */
  static empty<K extends string, V>(): PersistentMap<K, V> {
    return new PersistentMap<K, V>(emptyBranch, 0);
  }

  /** A map of the given entries (later duplicates win). */
  static from<K extends string, V>(entries: Iterable<readonly [K, V]>): PersistentMap<K, V> {
    let map = PersistentMap.empty<K, V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  /** The value under `key`, or `undefined`. */
  get(key: string): V | undefined {
    return find(this.#root, hashOf(key), key)?.value;
  }

  /** Whether `key` is present. */
  has(key: string): boolean {
    return find(this.#root, hashOf(key), key) !== undefined;
  }

  /** A map with `key` set to `value`; this map when nothing changes. */
  set(key: K, value: V): PersistentMap<K, V> {
    added = 0;
    const root = insert(this.#root, { hash: hashOf(key), key, value }, 0) as Branch<V>;
    return root === this.#root ? this : new PersistentMap(root, this.size + added);
  }

  /** A map without `key`; this map when it is absent. */
  delete(key: string): PersistentMap<K, V> {
    const root = remove(this.#root, hashOf(key), key, 0);
    if (root === this.#root) return this;
    // The root never collapses (see `remove`), so it is a branch or gone.
    return new PersistentMap((root ?? emptyBranch) as Branch<V>, this.size - 1);
  }

  /** Every `[key, value]` pair. */
  *entries(): MapIterator<[K, V]> {
    for (const leaf of leaves(this.#root)) yield [leaf.key as K, leaf.value];
  }

  /** Every key. */
  *keys(): MapIterator<K> {
    for (const leaf of leaves(this.#root)) yield leaf.key as K;
  }

  /** Every value. */
  *values(): MapIterator<V> {
    for (const leaf of leaves(this.#root)) yield leaf.value;
  }

  /** Every `[key, value]` pair. */
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /** Calls `callback` with each value and key. */
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const leaf of leaves(this.#root)) callback(leaf.value, leaf.key as K, this);
  }

  /** A plain object of the entries, so snapshots serialise with `JSON.stringify`. */
  toJSON(): Record<string, V> {
    return Object.fromEntries(this.entries());
  }
}

interface Leaf<V> {
  readonly hash: number;
  readonly key: string;
  readonly value: V;
}
interface Collision<V> {
  readonly hash: number;
  readonly leaves: readonly Leaf<V>[];
}
interface Branch<V> {
  readonly bitmap: number;
  readonly children: readonly Node<V>[];
}
type Node<V> = Leaf<V> | Collision<V> | Branch<V>;

const BITS = 5;
const MASK = 31;
const emptyBranch: Branch<never> = Object.freeze({ bitmap: 0, children: [] });

const isBranch = <V>(node: Node<V>): node is Branch<V> => 'bitmap' in node;
const isCollision = <V>(node: Node<V>): node is Collision<V> => 'leaves' in node;

/** FNV-1a, 32 bits. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function popcount(bits: number): number {
  let count = bits - ((bits >>> 1) & 0x55555555);
  count = (count & 0x33333333) + ((count >>> 2) & 0x33333333);
  return (((count + (count >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function slot(bitmap: number, bit: number): number {
  return popcount(bitmap & (bit - 1));
}

function find<V>(root: Node<V>, hash: number, key: string): Leaf<V> | undefined {
  let node: Node<V> = root;
  for (let shift = 0; ; shift += BITS) {
    if (isBranch(node)) {
      const bit = 1 << ((hash >>> shift) & MASK);
      if ((node.bitmap & bit) === 0) return undefined;
      node = node.children[slot(node.bitmap, bit)] as Node<V>;
    } else if (isCollision(node)) {
      return node.leaves.find((leaf) => leaf.key === key);
    } else {
      return node.key === key ? node : undefined;
    }
  }
}

/**
 * Set by {@link insert} to 1 when it adds a key (0 when it replaces a value): a module variable
 * rather than an object allocated for every `set`. `insert` calls nothing outside this file.
 */
let added = 0;

function insert<V>(node: Node<V>, leaf: Leaf<V>, shift: number): Node<V> {
  if (isBranch(node)) {
    const bit = 1 << ((leaf.hash >>> shift) & MASK);
    const index = slot(node.bitmap, bit);
    if ((node.bitmap & bit) === 0) {
      added = 1;
      return { bitmap: node.bitmap | bit, children: insertAt(node.children, index, leaf) };
    }
    const child = node.children[index] as Node<V>;
    const next = insert(child, leaf, shift + BITS);
    return next === child
      ? node
      : { bitmap: node.bitmap, children: replaceAt(node.children, index, next) };
  }
  if (isCollision(node)) {
    if (node.hash !== leaf.hash) return merge(node, leaf, shift);
    const index = node.leaves.findIndex((other) => other.key === leaf.key);
    if (index === -1) {
      added = 1;
      return { hash: node.hash, leaves: [...node.leaves, leaf] };
    }
    if (Object.is(node.leaves[index]?.value, leaf.value)) return node;
    return { hash: node.hash, leaves: replaceAt(node.leaves, index, leaf) };
  }
  if (node.key === leaf.key) return Object.is(node.value, leaf.value) ? node : leaf;
  if (node.hash === leaf.hash) {
    added = 1;
    return { hash: node.hash, leaves: [node, leaf] };
  }
  return merge(node, leaf, shift);
}

/** A branch holding `existing` and `leaf`, whose hashes differ, from level `shift` down. */
function merge<V>(existing: Leaf<V> | Collision<V>, leaf: Leaf<V>, shift: number): Branch<V> {
  added = 1;
  const a = (existing.hash >>> shift) & MASK;
  const b = (leaf.hash >>> shift) & MASK;
  if (a === b) return { bitmap: 1 << a, children: [merge(existing, leaf, shift + BITS)] };
  return { bitmap: (1 << a) | (1 << b), children: a < b ? [existing, leaf] : [leaf, existing] };
}

function remove<V>(node: Node<V>, hash: number, key: string, shift: number): Node<V> | undefined {
  if (isBranch(node)) {
    const bit = 1 << ((hash >>> shift) & MASK);
    if ((node.bitmap & bit) === 0) return node;
    const index = slot(node.bitmap, bit);
    const child = node.children[index] as Node<V>;
    const next = remove(child, hash, key, shift + BITS);
    if (next === child) return node;
    if (next === undefined) {
      if (node.children.length === 1) return undefined;
      const children = node.children.filter((_, position) => position !== index);
      // A branch left with one leaf collapses into it, keeping paths short.
      if (shift > 0 && children.length === 1 && !isBranch(children[0] as Node<V>))
        return children[0];
      return { bitmap: node.bitmap & ~bit, children };
    }
    if (shift > 0 && node.children.length === 1 && !isBranch(next)) return next;
    return { bitmap: node.bitmap, children: replaceAt(node.children, index, next) };
  }
  if (isCollision(node)) {
    if (node.hash !== hash) return node;
    const leaves = node.leaves.filter((leaf) => leaf.key !== key);
    if (leaves.length === node.leaves.length) return node;
    return leaves.length === 1 ? leaves[0] : { hash, leaves };
  }
  return node.key === key ? undefined : node;
}

function insertAt<T>(items: readonly T[], index: number, item: T): T[] {
  // One array, not two slices and a spread.
  const copy = items.slice();
  copy.splice(index, 0, item);
  return copy;
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

function* leaves<V>(root: Node<V>): Generator<Leaf<V>> {
  // One generator and a stack, in trie order: a generator per level made iterating a large map
  // cost a resumption per level for every leaf.
  const pending = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (isBranch(node)) pending.push(...[...node.children].reverse());
    else if (isCollision(node)) yield* node.leaves;
    else yield node;
  }
}
