import type { Clock, TimerHandle } from '../ports/clock';
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
  const handles = new Map<FollowUpId, TimerHandle>();
  const start = (id: FollowUpId, delayMs: number, fire: () => void) => {
    handles.set(
      id,
      clock.setTimeout(() => {
        handles.delete(id);
        fire();
      }, delayMs),
    );
  };
  const cancel = (id: FollowUpId) => {
    const handle = handles.get(id);
    if (handle === undefined) return;
    clock.clearTimeout(handle);
    handles.delete(id);
  };
  return {
    schedule(id, dueAt) {
      cancel(id);
      start(id, Math.max(0, dueAt - clock.now()), () => {
        start(id, graceMs, () => {
          actions.overdue(id);
        });
        actions.due(id);
      });
    },
    cancel,
    clear() {
      for (const id of [...handles.keys()]) cancel(id);
    },
  };
}
