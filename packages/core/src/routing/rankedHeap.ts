/** An item of a {@link RankedHeap}: it knows its own slot so it can leave in O(log n). */
export interface Ranked {
  /** Higher ranks come out first. */
  readonly rank: number;
  /** Breaks rank ties: lower comes first (arrival order). */
  readonly order: number;
  /** The item's slot in its heap; -1 when it is in none. */
  slot: number;
}

/** Whether `a` comes out of a heap before `b`. */
export function outranks(a: Ranked, b: Ranked): boolean {
  return a.rank > b.rank || (a.rank === b.rank && a.order < b.order);
}

/** The frontier of {@link RankedHeap.findInOrder}; searches never nest, so one array serves all. */
const scratch: number[] = [];

/**
 * A binary max-heap on (rank, then order) whose items can be removed from anywhere, because
 * each item stores its slot. The router keeps the waiting contacts of each routing class in one.
 *
 * @internal
 */
export class RankedHeap<T extends Ranked> {
  /** The items in heap order; `items[0]` is the best. */
  readonly items: T[] = [];

  /** How many items it holds. */
  get size(): number {
    return this.items.length;
  }

  /** The best item, if any. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds an item that is in no heap. */
  push(item: T): void {
    item.slot = this.items.length;
    this.items.push(item);
    this.up(item.slot);
  }

  /** Removes an item of this heap. */
  remove(item: T): void {
    const slot = item.slot;
    const last = this.items.pop();
    item.slot = -1;
    if (last === undefined || last === item) return;
    this.items[slot] = last;
    last.slot = slot;
    this.up(slot);
    this.down(last.slot);
  }

  /**
   * Visits items best first until `visit` returns true, without disturbing the heap: a small
   * frontier of slots is expanded in order, so visiting k items costs O(k log k). The frontier
   * is a scratch array shared by all heaps, so a search allocates nothing.
   */
  findInOrder(visit: (item: T) => boolean): T | undefined {
    const items = this.items;
    const head = items[0];
    if (head === undefined || visit(head)) return head;
    const frontier = scratch;
    let size = 0;
    if (items.length > 1) frontier[size++] = 1;
    if (items.length > 2) frontier[size++] = 2;
    while (size > 0) {
      let best = 0;
      for (let i = 1; i < size; i += 1) {
        if (outranks(this.at(frontier[i] ?? 0), this.at(frontier[best] ?? 0))) best = i;
      }
      const slot = frontier[best] ?? 0;
      size -= 1;
      frontier[best] = frontier[size] ?? 0;
      const item = this.at(slot);
      if (visit(item)) return item;
      const left = 2 * slot + 1;
      if (left < items.length) frontier[size++] = left;
      if (left + 1 < items.length) frontier[size++] = left + 1;
    }
    return undefined;
  }

  private at(slot: number): T {
    return this.items[slot] as T;
  }

  private up(slot: number): void {
    const item = this.at(slot);
    while (slot > 0) {
      const parentSlot = (slot - 1) >> 1;
      const parent = this.at(parentSlot);
      if (!outranks(item, parent)) break;
      this.items[slot] = parent;
      parent.slot = slot;
      slot = parentSlot;
    }
    this.items[slot] = item;
    item.slot = slot;
  }

  private down(slot: number): void {
    const item = this.at(slot);
    const count = this.items.length;
    for (;;) {
      let childSlot = 2 * slot + 1;
      if (childSlot >= count) break;
      const right = childSlot + 1;
      if (right < count && outranks(this.at(right), this.at(childSlot))) childSlot = right;
      const child = this.at(childSlot);
      if (!outranks(child, item)) break;
      this.items[slot] = child;
      child.slot = slot;
      slot = childSlot;
    }
    this.items[slot] = item;
    item.slot = slot;
  }
}
