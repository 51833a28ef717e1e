import type { EventBus, Unsubscribe } from '../events/eventBus';
import type { SwitchboardEvents } from '../events/eventMap';

/** Everything a desk or centre emitted since recording started, for assertions in tests. */
export interface EventRecorder {
  /** The names of the events seen, in order. */
  names: () => (keyof SwitchboardEvents)[];
  /** The payloads of every event named `name`, in order. */
  of: <K extends keyof SwitchboardEvents>(name: K) => SwitchboardEvents[K][];
  /** Forgets what was recorded so far. */
  clear: () => void;
  /** Stops recording. */
  stop: Unsubscribe;
}

/**
 * Records every event of `source` (a desk's or a centre's `events`).
 *
 * @example
 * ```ts
 * const recorder = recordEvents(desk.events);
 * await desk.login();
 * expect(recorder.names()).toEqual(['agent.statusChanged']);
 * ```
 */
export function recordEvents(source: Pick<EventBus<SwitchboardEvents>, 'onAny'>): EventRecorder {
  let seen: { name: keyof SwitchboardEvents; payload: unknown }[] = [];
  const stop = source.onAny((name, payload) => {
    seen.push({ name, payload });
  });
  return {
    names: () => seen.map((event) => event.name),
    of: <K extends keyof SwitchboardEvents>(name: K) =>
      seen
        .filter((event) => event.name === name)
        .map((event) => event.payload as SwitchboardEvents[K]),
    clear: () => {
      seen = [];
    },
    stop,
  };
}
