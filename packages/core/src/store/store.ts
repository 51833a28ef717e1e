import { enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';
import type { Unsubscribe } from '../events/eventBus';
import { createPlainStore } from './plainStore';

/** Applies one event to a draft of the state; must be pure apart from mutating the draft. */
export type Reducer<S, E> = (draft: Draft<S>, event: E) => void;

/** One applied batch of events and the immer patches it produced. */
export interface HistoryEntry<E> {
  /** The events applied, in order. */
  readonly events: readonly E[];
  /** What changed. */
  readonly patches: readonly Patch[];
  /** How to undo it. */
  readonly inversePatches: readonly Patch[];
}

/** Options of {@link createStore}. */
export interface StoreOptions<S, E> {
  /** The state before any event. */
  readonly initial: S;
  /** Applies an event to the state. */
  readonly reduce: Reducer<S, E>;
  /** How many batches {@link Store.history} keeps (oldest dropped first). Default 100. */
  readonly historyLimit?: number;
  /**
   * The same reducer as a pure function returning the next state (the input unchanged, the
   * same object when nothing changed). With `historyLimit: 0` the store uses it instead of an
   * immer draft: no patches are needed, and a state already built immutably skips the draft's
   * per-batch cost. The result is frozen like immer's.
   */
  readonly evolve?: (state: S, event: E) => S;
}

/**
 * An observable, immutable state container. Snapshots are deeply frozen; every change
 * is a batch of events run through the reducer, recorded as immer patches.
 */
export interface Store<S, E> {
  /** The current frozen snapshot; the same object until the next change. */
  getSnapshot: () => S;
  /** Calls `listener` after every change; works with React's `useSyncExternalStore`. */
  subscribe: (listener: () => void) => Unsubscribe;
  /**
   * Calls `listener` when `selector`'s result changes (compared with `equals`, `Object.is` by default).
   */
  select: <T>(
    selector: (state: S) => T,
    listener: (value: T, previous: T) => void,
    equals?: (a: T, b: T) => boolean,
  ) => Unsubscribe;
  /** Applies events in one batch and notifies subscribers once; returns the new snapshot. */
  apply: (events: readonly E[]) => S;
  /** The most recent batches with their patches, oldest first. */
  history: () => readonly HistoryEntry<E>[];
}

/**
 * Creates a {@link Store}. A subscriber that throws is reported through `onListenerError`
 * and does not stop the others.
 */
export function createStore<S extends object, E>(
  options: StoreOptions<S, E>,
  onListenerError: (error: unknown) => void = () => undefined,
): Store<S, E> {
  const historyLimit = options.historyLimit ?? 100;
  if (historyLimit === 0) return createPlainStore(options, onListenerError);
  enablePatches();
  const entries: HistoryEntry<E>[] = [];
  const store = createPlainStore(options, onListenerError, (state, events, recipe) => {
    const [next, patches, inversePatches] = produceWithPatches(state, recipe);
    if (next === state) return state;
    entries.push({ events, patches, inversePatches });
    if (entries.length > historyLimit) entries.shift();
    return next;
  });
  return { ...store, history: () => entries };
}
