/**
 * Agent slots in the order of their idle time: the longest idle first, then the lower slot. A
 * doubly linked list in one typed array (slot `s` links to `links[2s]` after it and `links[2s+1]`
 * before it; -1 is none), so walking it from the head reads no agent record. An agent who just
 * became free is the newest, so placing one is O(1) in practice; an older idle time walks back
 * from the tail to its place.
 *
 * @internal
 */
export class IdleOrder {
  /** The longest idle slot, or -1 when empty. */
  head = -1;
  /** The links; see above. */
  links = new Int32Array(128);
  private tail = -1;

  /** Places `slot` by `idleSince` (when each slot became idle); it must not be in the list. */
  insert(slot: number, idleSince: Float64Array): void {
    if (2 * slot >= this.links.length) {
      const grown = new Int32Array(Math.max(4 * slot, 2 * this.links.length));
      grown.set(this.links);
      this.links = grown;
    }
    const { links } = this;
    const since = idleSince[slot] as number;
    let before = this.tail;
    while (before !== -1) {
      const other = idleSince[before] as number;
      if (other < since || (other === since && before < slot)) break;
      before = links[2 * before + 1] as number;
    }
    const after = before === -1 ? this.head : (links[2 * before] as number);
    this.link(before, slot);
    this.link(slot, after);
    if (before === -1) this.head = slot;
  }

  /** Takes `slot` out of the list; it must be in it. */
  remove(slot: number): void {
    const before = this.links[2 * slot + 1] as number;
    const after = this.links[2 * slot] as number;
    this.link(before, after);
    if (before === -1) this.head = after;
  }

  /** Makes `after` follow `before`; either may be -1 (the list's ends). */
  private link(before: number, after: number): void {
    if (before !== -1) this.links[2 * before] = after;
    if (after !== -1) this.links[2 * after + 1] = before;
    else this.tail = before;
  }
}
