import type { ContactId } from '../model/ids';
import type { DecisionRecord } from './decisionRecord';

/**
 * The router's last `limit` decisions, for `explain()`: a ring, so recording one is two array
 * writes, with no map to update on every decision. Finding a contact's decision walks back from
 * the newest, as explanations are asked for rarely and mostly of recent decisions, while
 * decisions are made all the time.
 *
 * @internal
 */
export class DecisionLog {
  private readonly records: DecisionRecord[] = [];
  private readonly contactIds: ContactId[] = [];
  private next = 0;

  constructor(private readonly limit: number) {}

  /** Records the decision on `contactId`, over the oldest when full. */
  add(contactId: ContactId, record: DecisionRecord): void {
    if (this.limit === 0) return;
    const slot = this.next;
    this.next = (slot + 1) % this.limit;
    this.contactIds[slot] = contactId;
    this.records[slot] = record;
  }

  /** The latest decision on `contactId` still kept. */
  find(contactId: ContactId): DecisionRecord | undefined {
    const kept = this.contactIds.length;
    for (let back = 1; back <= kept; back += 1) {
      const slot = (this.next - back + kept) % kept;
      if (this.contactIds[slot] === contactId) return this.records[slot];
    }
    return undefined;
  }
}
