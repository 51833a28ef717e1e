import type { KpiBuckets } from './kpiBuckets';

/** A first contact waiting for its repeat window to close. */
interface Candidate {
  readonly contactId: string;
  readonly key: string;
  /** When it was completed; `null` while open. */
  endAt: number | null;
  resolved: boolean;
  repeated: boolean;
  done: boolean;
  dimensions: readonly string[];
}

interface CustomerReason {
  /** The current first contact of this customer and reason, if any. */
  candidate: Candidate | null;
  /** Contacts of this key connected and not yet ended. */
  open: number;
  /** When the latest of them ended. */
  lastEnd: number;
}

/**
 * First-contact resolution, keyed by customer and reason. A contact that reaches an agent is a
 * repeat when it was created while an earlier one of its key was open or within the window
 * after one ended; otherwise it is a first contact. A handled first contact is pending until a
 * repeat arrives (then it counts as not resolved) or its window passes (then it counts as
 * resolved when its disposition is).
 */
export interface FcrTracker {
  /** A contact of `key` created at `createdAt` reached an agent. */
  connected(key: string, contactId: string, createdAt: number): void;
  /** A connected contact of `key` ended at `at`: completed (`resolved` known) or not handled. */
  ended(
    key: string,
    contactId: string,
    at: number,
    outcome: { resolved: boolean; dimensions: readonly string[] } | null,
  ): void;
  /** Closes the windows that ended before `now`. */
  closeUntil(now: number): void;
}

/** Creates an {@link FcrTracker} with a repeat window of `windowMs`, booking into `buckets`. */
export function createFcrTracker(windowMs: number, buckets: KpiBuckets): FcrTracker {
  const byKey = new Map<string, CustomerReason>();
  const pending: Candidate[] = [];
  let head = 0;

  const settle = (candidate: Candidate) => {
    candidate.done = true;
    if (candidate.endAt === null) return;
    for (const tally of buckets.tallies(candidate.endAt, candidate.dimensions)) {
      tally.fcrPending -= 1;
      tally.fcrContacts += 1;
      if (candidate.resolved && !candidate.repeated) tally.fcrResolved += 1;
    }
  };

  return {
    connected(key, contactId, createdAt) {
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { candidate: null, open: 0, lastEnd: -Infinity }));
      const candidate = entry.candidate;
      const repeat = entry.open > 0 || createdAt <= entry.lastEnd + windowMs;
      entry.open += 1;
      if (!repeat) {
        entry.candidate = {
          contactId,
          key,
          endAt: null,
          resolved: false,
          repeated: false,
          done: false,
          dimensions: [],
        };
      } else if (candidate && !candidate.done && candidate.contactId !== contactId) {
        candidate.repeated = true;
        if (candidate.endAt !== null) settle(candidate);
      }
    },
    ended(key, contactId, at, outcome) {
      const entry = byKey.get(key);
      if (!entry) return;
      entry.open = Math.max(0, entry.open - 1);
      if (outcome) entry.lastEnd = Math.max(entry.lastEnd, at); // an unfinished contact is no contact
      const candidate = entry.candidate;
      if (candidate?.contactId !== contactId || candidate.done) return;
      if (!outcome) {
        entry.candidate = null; // never handled: neither first contact nor resolved
        return;
      }
      candidate.endAt = at;
      candidate.resolved = outcome.resolved;
      candidate.dimensions = outcome.dimensions;
      for (const tally of buckets.tallies(at, outcome.dimensions)) tally.fcrPending += 1;
      if (candidate.repeated) settle(candidate);
      else pending.push(candidate);
    },
    closeUntil(now) {
      for (
        let next = pending[head];
        next && (next.endAt ?? now) + windowMs < now;
        next = pending[head]
      ) {
        head += 1;
        if (!next.done) settle(next);
        const entry = byKey.get(next.key);
        if (entry?.candidate === next && entry.open === 0 && entry.lastEnd + windowMs < now) {
          byKey.delete(next.key);
        }
      }
      if (head > 1024 && head * 2 > pending.length) {
        pending.splice(0, head);
        head = 0;
      }
    },
  };
}
