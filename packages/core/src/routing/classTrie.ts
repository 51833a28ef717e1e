/** One node of a {@link ClassTrie}: the items filed under the codes that lead here. */
interface TrieNode<T> {
  /** Items whose keyed codes end at this node. */
  readonly items: T[];
  /** Longer prefixes, by their next code (a sparse array). */
  readonly children: (TrieNode<T> | undefined)[];
}

const newNode = <T>(): TrieNode<T> => ({ items: [], children: [] });

/**
 * Routing classes filed by their skill codes (ascending), as a trie. An agent finds every class
 * filed under a subset of its own codes by walking the trie along those codes only: a prefix no
 * class starts with is never looked at, and each step is an array read, not a hash lookup.
 *
 * @internal
 */
export class ClassTrie<T> {
  private readonly root: TrieNode<T> = newNode();

  /** Files `item` under ascending `codes`. */
  add(codes: readonly number[], item: T): void {
    let node = this.root;
    for (const code of codes) {
      let child = node.children[code];
      if (!child) {
        child = newNode();
        node.children[code] = child;
      }
      node = child;
    }
    node.items.push(item);
  }

  /** Removes `item`, filed under `codes`. */
  delete(codes: readonly number[], item: T): void {
    let node: TrieNode<T> | undefined = this.root;
    for (const code of codes) node = node?.children[code];
    const slot = node ? node.items.indexOf(item) : -1;
    if (node && slot >= 0) node.items.splice(slot, 1);
  }

  /**
   * Appends to `out` the items filed under a subset of ascending `codes` of at most `depth`
   * codes. Allocates nothing but `out`'s growth.
   */
  collect(codes: readonly number[], depth: number, out: T[]): void {
    visit(this.root, codes, 0, depth, out);
  }
}

function visit<T>(
  node: TrieNode<T>,
  codes: readonly number[],
  start: number,
  depth: number,
  out: T[],
): void {
  for (const item of node.items) out.push(item);
  if (depth === 0) return;
  for (let i = start; i < codes.length; i += 1) {
    const child = node.children[codes[i] as number];
    if (child) visit(child, codes, i + 1, depth - 1, out);
  }
}
