import type { Actor } from './actor';

/**
 * One change as an immer patch: `path` is the JSON path of the changed value from the root of
 * the ticket or note (property names and array indexes), `value` its new value (absent for `remove`).
 * Patches are plain JSON, so they can be stored, sent and replayed with immer's `applyPatches`.
 */
export interface TicketChange {
  /** What happened at `path`. */
  readonly op: 'add' | 'replace' | 'remove';
  /** Where, from the root of the ticket or note; empty for the whole object. */
  readonly path: readonly (string | number)[];
  /** The new value (absent for `remove`). */
  readonly value?: unknown;
}

/** One entry of a ticket's history: who changed what, and when. */
export interface TicketHistoryEntry {
  /** When (ms since epoch, on the book's clock). */
  readonly at: number;
  /** Who. */
  readonly actor: Actor;
  /** The event that made the change, e.g. `ticket.updated`. */
  readonly event: string;
  /** What, as patches relative to the ticket (creation: one `replace` of the whole ticket). */
  readonly changes: readonly TicketChange[];
}

/**
 * A ticket's history as an immutable list, newest entry first: appending is O(1) and shares the
 * older entries, so a ticket with thousands of changes costs no more to change than a new one.
 * `book.history(id)` turns it into an array, oldest first.
 */
export interface TicketHistoryLog {
  /** The newest entry. */
  readonly entry: TicketHistoryEntry;
  /** The entries before it, or `null`. */
  readonly previous: TicketHistoryLog | null;
  /** How many entries the log holds. */
  readonly size: number;
}

/** The entries of `log`, oldest first. */
export function historyEntries(log: TicketHistoryLog | null | undefined): TicketHistoryEntry[] {
  const entries: TicketHistoryEntry[] = new Array<TicketHistoryEntry>(log?.size ?? 0);
  for (let node = log; node; node = node.previous) entries[node.size - 1] = node.entry;
  return entries;
}
