/**
 * How a state is built from events and saved in a snapshot: the pure fold of a log. Replaying the
 * events from `initial` with `evolve` gives the live state; `encode`/`decode` turn it into plain
 * JSON and back, so a snapshot plus the events after it gives the same state as all the events.
 */
export interface Projection<S, E> {
  /** The version of the snapshot format; a snapshot of another version is ignored (full replay). */
  readonly version: number;
  /** The state before any event. */
  readonly initial: S;
  /** Applies one event. Pure. */
  evolve(state: S, event: E): S;
  /** The state as plain JSON. */
  encode(state: S): unknown;
  /** A state from what `encode` returned. */
  decode(json: unknown): S;
  /**
   * Optional, for speed: a fold of many events at once from `state`, free to use mutable
   * scratch space, whose result is the state `evolve` would give. `replay` uses it when present.
   */
  readonly builder?: (state: S) => ProjectionBuilder<S, E>;
}

/** Folds many events at once; see {@link Projection.builder}. */
export interface ProjectionBuilder<S, E> {
  /** Applies one event. */
  add(event: E): void;
  /** The state after every event added so far. */
  result(): S;
}

/** Declares a {@link Projection}; returns it frozen. */
export function defineProjection<S, E>(projection: Projection<S, E>): Projection<S, E> {
  return Object.freeze({ ...projection });
}
