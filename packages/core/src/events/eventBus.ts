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

/** One subscription: its listener, and whether it fires once. */
interface Subscription {
  readonly listener: (...args: never[]) => void;
  readonly once: boolean;
}

/**
 * Creates an {@link EventBus}: a list of subscriptions per event name and one for `onAny`. A
 * list is replaced, never changed, when a listener comes or goes, so an emit walks the
 * subscriptions there were when it began: one added meanwhile waits for the next emit, one
 * removed meanwhile is still called in this one (a `once` one is removed before it is called).
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
  const named = new Map<string, readonly Subscription[]>();
  let anyOf: readonly Subscription[] = [];
  const remove = (event: string | null, subscription: Subscription) => {
    const list = event === null ? anyOf : named.get(event);
    if (!list?.includes(subscription)) return;
    const rest = list.filter((other) => other !== subscription);
    if (event === null) anyOf = rest;
    else if (rest.length > 0) named.set(event, rest);
    else named.delete(event);
  };
  const subscribe = (event: string | null, listener: Subscription['listener'], once: boolean) => {
    const subscription: Subscription = { listener, once };
    if (event === null) anyOf = [...anyOf, subscription];
    else named.set(event, [...(named.get(event) ?? []), subscription]);
    return () => {
      remove(event, subscription);
    };
  };
  return {
    on: (event, listener) => subscribe(event, listener, false),
    once: (event, listener) => subscribe(event, listener, true),
    onAny: (listener) => subscribe(null, listener, false),
    emit: (event, payload) => {
      // Indexed loops with fixed arguments: every event of a busy centre comes through here.
      const list = named.get(event);
      if (list !== undefined) {
        for (let index = 0; index < list.length; index += 1) {
          const subscription = list[index] as Subscription;
          if (subscription.once) remove(event, subscription);
          try {
            (subscription.listener as (payload: unknown) => void)(payload);
          } catch (error) {
            onListenerError(error, event);
          }
        }
      }
      const any = anyOf;
      for (let index = 0; index < any.length; index += 1) {
        try {
          (any[index]?.listener as (name: string, payload: unknown) => void)(event, payload);
        } catch (error) {
          onListenerError(error, '*');
        }
      }
    },
  };
}
