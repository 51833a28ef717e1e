/** What an {@link IdleLine} orders by. */
export interface IdleOrdered {
  /** The key the item was filed under (its idle-since time when it was listed). */
  listedIdleSince: number;
  /** Breaks ties: registration order. */
  readonly order: number;
}

function before(a: IdleOrdered, idleSince: number, order: number): boolean {
  return a.listedIdleSince < idleSince || (a.listedIdleSince === idleSince && a.order < order);
}

/**
 * A line of agents ordered longest idle first: a sorted array. Agents usually join at the end
 * (they just became idle), so adding is O(1) amortised; leaving is a binary search and a splice.
 *
 * @internal
 */
export class IdleLine<T extends IdleOrdered> {
  /** The agents, longest idle first. */
  readonly items: T[] = [];
  // The last item's key, kept here so that the usual add (at the end) reads no other object.
  private lastIdleSince = -Infinity;
  private lastOrder = -1;

  /** Adds `item` at its place. */
  add(item: T): void {
    const { listedIdleSince, order } = item;
    if (
      this.lastIdleSince < listedIdleSince ||
      (this.lastIdleSince === listedIdleSince && this.lastOrder < order)
    ) {
      this.items.push(item);
      this.lastIdleSince = listedIdleSince;
      this.lastOrder = order;
      return;
    }
    this.items.splice(this.find(item), 0, item);
  }

  /** Removes `item`, which must be in the line under its current key. */
  delete(item: T): void {
    const slot = this.find(item);
    if (this.items[slot] !== item) return;
    this.items.splice(slot, 1);
    if (slot < this.items.length) return;
    const last = this.items[slot - 1];
    this.lastIdleSince = last ? last.listedIdleSince : -Infinity;
    this.lastOrder = last ? last.order : -1;
  }

  /** The first slot whose item does not come before `item`. */
  private find(item: T): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (before(this.items[middle] as T, item.listedIdleSince, item.order)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
