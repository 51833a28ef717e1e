import type { Clock } from '../ports/clock';
import { createKeyedTimers } from '../ports/keyedTimers';
import type { FollowUpId } from './ticketIds';

/** The timers of a book's follow-ups: due at the due time, overdue after the grace period. */
export interface FollowUpTimers {
  /** Starts the due timer of a follow-up. */
  schedule(id: FollowUpId, dueAt: number): void;
  /** Cancels a follow-up's timers. */
  cancel(id: FollowUpId): void;
  /** Cancels every timer. */
  clear(): void;
}

/** What the timers do when they fire. */
export interface FollowUpTimerActions {
  /** The follow-up reached its due time. */
  due(id: FollowUpId): void;
  /** The follow-up is still open after the grace period. */
  overdue(id: FollowUpId): void;
}

/** Creates the follow-up timers on `clock`. */
export function createFollowUpTimers(
  clock: Clock,
  graceMs: number,
  actions: FollowUpTimerActions,
): FollowUpTimers {
  const timers = createKeyedTimers<FollowUpId>(clock);
  return {
    schedule(id, dueAt) {
      timers.start(id, Math.max(0, dueAt - clock.now()), () => {
        timers.start(id, graceMs, () => {
          actions.overdue(id);
        });
        actions.due(id);
      });
    },
    cancel: timers.cancel,
    clear: timers.clear,
  };
}
