/** Something a {@link WorkQueue} can hold: the flag says whether it is (still) queued. */
export interface Queueable {
  /** True while the item waits in a work queue. */
  queued: boolean;
}

/**
 * A first-in first-out set of items to look at: adding a queued item is a no-op and removal is
 * lazy (the flag is cleared), so every operation is O(1) amortised. Its array is reused once
 * drained, so a busy router allocates nothing here.
 *
 * @internal
 */
export class WorkQueue<T extends Queueable> {
  private readonly items: (T | undefined)[] = [];
  private head = 0;
  private tail = 0;

  /** Queues `item` unless it already waits. */
  add(item: T): void {
    if (item.queued) return;
    item.queued = true;
    this.items[this.tail++] = item;
  }

  /** Takes `item` out of the queue. */
  delete(item: T): void {
    item.queued = false;
  }

  /** The oldest item still queued, left in place. */
  peek(): T | undefined {
    while (this.head < this.tail) {
      const item = this.items[this.head] as T;
      if (item.queued) return item;
      this.items[this.head++] = undefined;
    }
    this.head = 0;
    this.tail = 0;
    return undefined;
  }
}
