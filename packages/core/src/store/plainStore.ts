import { freeze, produce, type Draft } from 'immer';
import type { Store, StoreOptions } from './store';

/** What {@link createPlainStore} needs; `commit` turns the current state and a batch into the next. */
export interface StoreCommit<S, E> {
  (state: S, events: readonly E[], recipe: (draft: Draft<S>) => void): S;
}

/** Commits a batch through an immer draft. */
function draftCommit<S>(
  state: S,
  _events: readonly unknown[],
  recipe: (draft: Draft<S>) => void,
): S {
  return produce(state, recipe);
}

/** Commits a batch through a pure `evolve`, frozen like immer's result; no draft is made. */
function evolveCommit<S, E>(evolve: (state: S, event: E) => S): StoreCommit<S, E> {
  return (state, events) => {
    let next = state;
    for (const event of events) next = evolve(next, event);
    return next === state ? state : freeze(next, true);
  };
}

/**
 * The store without history: the same contract as `createStore` with `historyLimit: 0`, but it
 * never loads immer's patches plugin, so a bundle that only needs this (the embedded centre of a
 * desk) stays smaller. It uses `options.evolve` when given, else an immer draft. `commit` lets `createStore` add its patch history on top.
 */
export function createPlainStore<S extends object, E>(
  options: Pick<StoreOptions<S, E>, 'initial' | 'reduce' | 'evolve'>,
  onListenerError: (error: unknown) => void = () => undefined,
  commit: StoreCommit<S, E> = options.evolve ? evolveCommit(options.evolve) : draftCommit,
): Store<S, E> {
  const listeners = new Set<() => void>();
  let state = freeze(options.initial, true);
  // The batch being committed, for the one draft recipe (no closure per commit: `evolve` never
  // calls it, and a commit never starts another before it returns).
  let batch: readonly E[] = [];
  const recipe = (draft: Draft<S>) => {
    for (const event of batch) options.reduce(draft, event);
  };

  const notify = () => {
    // Most stores (the simulator's centre among them) have no subscriber: no copy to walk then.
    if (listeners.size === 0) return;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        onListenerError(error);
      }
    }
  };

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    select(selector, listener, equals = Object.is) {
      let current = selector(state);
      const wrapped = () => {
        const next = selector(state);
        if (equals(next, current)) return;
        const previous = current;
        current = next;
        listener(next, previous);
      };
      listeners.add(wrapped);
      return () => listeners.delete(wrapped);
    },
    apply(events) {
      if (events.length === 0) return state;
      batch = events;
      const next = commit(state, events, recipe);
      batch = [];
      if (next === state) return state;
      state = next;
      notify();
      return state;
    },
    history: () => [],
  };
}
