import EventEmitter from 'eventemitter3';

/** Removes the listener or subscription it was returned for. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/** A listener of event `K` of map `M`. */
export type EventListener<M, K extends keyof M> = (payload: M[K]) => void;

/** Called when a listener throws; the emit goes on with the next listener. */
export type ListenerErrorHandler = (error: unknown, event: string) => void;

/**
 * A typed publish/subscribe channel. A listener that throws is reported to the bus's
 * error handler and never stops the emit or the other listeners.
 */
export interface EventBus<M extends object> {
  /** Calls `listener` on every `event` until the returned function is called. */
  on: <K extends keyof M & string>(event: K, listener: EventListener<M, K>) => Unsubscribe;
  /** Calls `listener` on the next `event` only. */
  once: <K extends keyof M & string>(event: K, listener: EventListener<M, K>) => Unsubscribe;
  /** Calls `listener` with the name and payload of every event. */
  onAny: (listener: (event: keyof M & string, payload: M[keyof M]) => void) => Unsubscribe;
  /** Delivers `payload` to the listeners of `event`, in subscription order. */
  emit: <K extends keyof M & string>(event: K, payload: M[K]) => void;
}

const ANY = Symbol('any');

/**
 * Creates an {@link EventBus} on eventemitter3.
 *
 * @example
 * ```ts
 * const bus = createEventBus<{ 'call.started': { id: string } }>();
 * const off = bus.on('call.started', ({ id }) => console.log(id));
 * bus.emit('call.started', { id: 'c1' });
 * off();
 * ```
 */
export function createEventBus<M extends object>(
  onListenerError: ListenerErrorHandler = () => undefined,
): EventBus<M> {
  const emitter = new EventEmitter();
  type Listener = (...args: unknown[]) => void;
  const subscribe = (event: string | typeof ANY, listener: Listener, once: boolean) => {
    const name = typeof event === 'string' ? event : '*';
    // Fixed arities rather than a rest parameter and a spread call: every event of a busy centre
    // goes through here, and the rest array was an allocation per listener per event.
    const guarded: Listener =
      event === ANY
        ? (type, payload) => {
            try {
              listener(type, payload);
            } catch (error) {
              onListenerError(error, name);
            }
          }
        : (payload) => {
            try {
              listener(payload);
            } catch (error) {
              onListenerError(error, name);
            }
          };
    if (once) emitter.once(event, guarded);
    else emitter.on(event, guarded);
    return () => {
      emitter.off(event, guarded);
    };
  };
  return {
    on: (event, listener) => subscribe(event, listener as Listener, false),
    once: (event, listener) => subscribe(event, listener as Listener, true),
    onAny: (listener) => subscribe(ANY, listener as Listener, false),
    emit: (event, payload) => {
      emitter.emit(event, payload);
      emitter.emit(ANY, event, payload);
    },
  };
}
