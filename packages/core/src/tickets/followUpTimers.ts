import type { Clock } from '../ports/clock';
import { createKeyedTimers } from '../ports/keyedTimers';
import type { FollowUp } from './followUp';
import type { FollowUpId } from './ticketIds';

/** The timers of a book's follow-ups: due at the due time, overdue after the grace period. */
export interface FollowUpTimers {
  /** Starts the due timer of a follow-up. */
  schedule(id: FollowUpId, dueAt: number): void;
  /**
   * Re-arms the timers of a restored follow-up: a `scheduled` one like {@link schedule} (due at
   * once when its time has passed), a `due` one for its overdue time; others need none.
   */
  resume(followUp: Pick<FollowUp, 'id' | 'dueAt' | 'status'>): void;
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
  const delayUntil = (at: number) => Math.max(0, at - clock.now());
  const overdueAt = (id: FollowUpId, at: number) => {
    timers.start(id, delayUntil(at), () => {
      actions.overdue(id);
    });
  };
  const schedule = (id: FollowUpId, dueAt: number) => {
    timers.start(id, delayUntil(dueAt), () => {
      overdueAt(id, clock.now() + graceMs);
      actions.due(id);
    });
  };
  return {
    schedule,
    resume({ id, dueAt, status }) {
      if (status === 'scheduled') schedule(id, dueAt);
      else if (status === 'due') overdueAt(id, dueAt + graceMs);
    },
    cancel: timers.cancel,
    clear: timers.clear,
  };
}
