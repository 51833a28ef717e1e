import type { KpiBuckets } from './kpiBuckets';
import type { Tally } from './kpiCounts';

/**
 * First-contact resolution, keyed by customer and reason. A contact that reaches an agent is a
 * repeat when it was created while an earlier one of its key was open or within the window
 * after one ended; otherwise it is a first contact. A handled first contact is pending until a
 * repeat arrives (then it counts as not resolved) or its window passes (then it counts as
 * resolved when its disposition is).
 */
export interface FcrTracker {
  /**
   * A contact of `key` created at `createdAt` reached an agent. Returns the key's entry, which
   * stays the key's while the contact is open: pass it to `ended`.
   */
  connected(key: string, contactId: string, createdAt: number): number;
  /**
   * A connected contact of the key `entry` ended at `at`: completed with `dimensions` (and `resolved`
   * known), or not handled (`dimensions` `null`).
   */
  ended(
    entry: number,
    contactId: string,
    at: number,
    dimensions: readonly string[] | null,
    resolved: boolean,
  ): void;
  /** Closes the windows that ended before `now`. */
  closeUntil(now: number): void;
}

const none = -1;
const repeatedFlag = 1;
const doneFlag = 2;
const resolvedFlag = 4;
const noTallies: readonly Tally[] = [];

/** A slot store: parallel arrays indexed by a dense slot number, with reuse of freed slots. */
function slots() {
  const free: number[] = [];
  let size = 0;
  return {
    /** A slot number: a freed one, else the next one (the caller pushes its fields). */
    take(): [number, boolean] {
      const reused = free.pop();
      return reused === undefined ? [size++, false] : [reused, true];
    },
    release(slot: number) {
      free.push(slot);
    },
  };
}

/** Creates an {@link FcrTracker} with a repeat window of `windowMs`, booking into `buckets`. */
export function createFcrTracker(windowMs: number, buckets: KpiBuckets): FcrTracker {
  // Customer-and-reason entries and first-contact candidates as parallel arrays indexed by slot
  // (no object per contact: a million events stay light on the garbage collector).
  const byKey = new Map<string, number>();
  const keySlots = slots();
  const keyCandidate: number[] = []; // the current first contact of the key, or `none`
  const keyOpen: number[] = []; // contacts of the key connected and not yet ended
  const keyLastEnd: number[] = []; // when the latest of them ended
  const candSlots = slots();
  const candContact: string[] = [];
  const candKey: string[] = [];
  const candEndAt: number[] = []; // when it was completed; NaN while open
  const candFlags: number[] = [];
  const candTallies: (readonly Tally[])[] = []; // where it is booked: its interval's counts
  const candRefs: number[] = []; // its key's entry and the pending queue each hold one
  const pending: number[] = [];
  let head = 0;

  const unref = (cand: number) => {
    const refs = (candRefs[cand] ?? 1) - 1;
    candRefs[cand] = refs;
    if (refs > 0) return;
    candTallies[cand] = noTallies;
    candSlots.release(cand);
  };

  const settle = (cand: number) => {
    const flags = (candFlags[cand] ?? 0) | doneFlag;
    candFlags[cand] = flags;
    const endAt = candEndAt[cand] ?? Number.NaN;
    if (Number.isNaN(endAt)) return;
    const resolved = (flags & (resolvedFlag | repeatedFlag)) === resolvedFlag;
    for (const tally of candTallies[cand] ?? noTallies) {
      tally.fcrPending -= 1;
      tally.fcrContacts += 1;
      if (resolved) tally.fcrResolved += 1;
    }
  };

  const newCandidate = (key: string, contactId: string): number => {
    const [cand, reused] = candSlots.take();
    if (reused) {
      candContact[cand] = contactId;
      candKey[cand] = key;
      candEndAt[cand] = Number.NaN;
      candFlags[cand] = 0;
      candRefs[cand] = 1;
    } else {
      candContact.push(contactId);
      candKey.push(key);
      candEndAt.push(Number.NaN);
      candFlags.push(0);
      candTallies.push(noTallies);
      candRefs.push(1);
    }
    return cand;
  };

  const entryOf = (key: string): number => {
    let entry = byKey.get(key);
    if (entry !== undefined) return entry;
    const [slot, reused] = keySlots.take();
    if (reused) {
      keyCandidate[slot] = none;
      keyOpen[slot] = 0;
      keyLastEnd[slot] = Number.NEGATIVE_INFINITY;
    } else {
      keyCandidate.push(none);
      keyOpen.push(0);
      keyLastEnd.push(Number.NEGATIVE_INFINITY);
    }
    byKey.set(key, (entry = slot));
    return entry;
  };

  return {
    connected(key, contactId, createdAt) {
      const entry = entryOf(key);
      const cand = keyCandidate[entry] ?? none;
      const open = keyOpen[entry] ?? 0;
      const repeat = open > 0 || createdAt <= (keyLastEnd[entry] ?? 0) + windowMs;
      keyOpen[entry] = open + 1;
      if (!repeat) {
        if (cand !== none) unref(cand);
        keyCandidate[entry] = newCandidate(key, contactId);
      } else if (
        cand !== none &&
        ((candFlags[cand] ?? 0) & doneFlag) === 0 &&
        candContact[cand] !== contactId
      ) {
        candFlags[cand] = (candFlags[cand] ?? 0) | repeatedFlag;
        if (!Number.isNaN(candEndAt[cand])) settle(cand);
      }
      return entry;
    },
    ended(entry, contactId, at, dimensions, resolved) {
      keyOpen[entry] = Math.max(0, (keyOpen[entry] ?? 0) - 1);
      // an unfinished contact is no contact
      if (dimensions) keyLastEnd[entry] = Math.max(keyLastEnd[entry] ?? 0, at);
      const cand = keyCandidate[entry] ?? none;
      if (cand === none || candContact[cand] !== contactId) return;
      const flags = candFlags[cand] ?? 0;
      if ((flags & doneFlag) !== 0) return;
      if (!dimensions) {
        keyCandidate[entry] = none; // never handled: neither first contact nor resolved
        unref(cand);
        return;
      }
      candEndAt[cand] = at;
      candFlags[cand] = resolved ? flags | resolvedFlag : flags;
      const tallies = buckets.tallies(at, dimensions);
      candTallies[cand] = tallies;
      for (const tally of tallies) tally.fcrPending += 1;
      if ((flags & repeatedFlag) !== 0) {
        settle(cand);
        return;
      }
      candRefs[cand] = (candRefs[cand] ?? 0) + 1;
      pending.push(cand);
    },
    closeUntil(now) {
      while (head < pending.length) {
        const next = pending[head] ?? none;
        const endAt = candEndAt[next] ?? Number.NaN;
        if (!((Number.isNaN(endAt) ? now : endAt) + windowMs < now)) break;
        head += 1;
        if (((candFlags[next] ?? 0) & doneFlag) === 0) settle(next);
        const key = candKey[next] ?? '';
        const entry = byKey.get(key);
        if (
          entry !== undefined &&
          keyCandidate[entry] === next &&
          keyOpen[entry] === 0 &&
          (keyLastEnd[entry] ?? 0) + windowMs < now
        ) {
          byKey.delete(key);
          keySlots.release(entry);
          unref(next); // the entry's reference
        }
        unref(next); // the queue's reference
      }
      if (head > 1024 && head * 2 > pending.length) {
        pending.splice(0, head);
        head = 0;
      }
    },
  };
}
