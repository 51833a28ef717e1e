import { SwitchboardError } from '../errors';
import type { Storage } from '../ports/storage';
import { readBatches, type BatchedEventLog, type EventLog } from './eventLog';
import type { Projection } from './projection';

/** A state and the log position it covers: events `0 .. seq - 1` are in it. */
export interface Snapshot<S> {
  /** How many events of the log the state covers. */
  readonly seq: number;
  /** The state. */
  readonly state: S;
}

/** The storage key of log `name`'s snapshot. @internal */
export const snapshotKey = (name: string) => `${name}/snapshot`;

/** Stores `snapshot` as the snapshot of log `name`, replacing the previous one. */
export async function saveSnapshot<S, E>(
  storage: Storage,
  name: string,
  projection: Projection<S, E>,
  snapshot: Snapshot<S>,
): Promise<void> {
  await storage.set(snapshotKey(name), {
    v: projection.version,
    seq: snapshot.seq,
    state: projection.encode(snapshot.state),
  });
}

/**
 * The snapshot of log `name`, or `null` when there is none or it has another format version
 * (the log is then replayed from the start).
 *
 * @throws `SwitchboardError` `HISTORY_UNREADABLE` for a malformed snapshot.
 */
export async function loadSnapshot<S, E>(
  storage: Storage,
  name: string,
  projection: Projection<S, E>,
): Promise<Snapshot<S> | null> {
  const key = snapshotKey(name);
  const stored: unknown = await storage.get(key);
  if (stored === undefined) return null;
  const record = (typeof stored === 'object' && stored !== null ? stored : {}) as {
    v?: unknown;
    seq?: unknown;
    state?: unknown;
  };
  const malformed = (cause?: unknown) =>
    new SwitchboardError('HISTORY_UNREADABLE', `The snapshot ${key} is malformed.`, {
      details: { key, version: record.v },
      cause,
    });
  if (!Number.isInteger(record.seq) || !('state' in record)) throw malformed();
  if (record.v !== projection.version) return null;
  try {
    return { seq: record.seq as number, state: projection.decode(record.state) };
  } catch (error) {
    throw malformed(error);
  }
}

/**
 * The state of a log: its snapshot (when there is a usable one) with the events after it
 * applied, or every event from `projection.initial`.
 */
export async function replay<S, E>(
  log: EventLog<E>,
  projection: Projection<S, E>,
  snapshot: Snapshot<S> | null = null,
): Promise<Snapshot<S>> {
  const usable = snapshot !== null && snapshot.seq <= log.size() ? snapshot : null;
  let state = usable?.state ?? projection.initial;
  let seq = usable?.seq ?? 0;
  const builder = projection.builder?.(state);
  const apply = builder
    ? (event: E) => {
        builder.add(event);
      }
    : (event: E) => {
        state = projection.evolve(state, event);
      };
  const batched = (log as Partial<BatchedEventLog<E>>)[readBatches];
  if (batched) {
    // A log of `openEventLog`: whole batches, and no copy of the events the storage can share
    // (a projection never changes the events it folds).
    for await (const { first, events } of batched.call(log, seq)) {
      for (const event of events) apply(event);
      seq = first + events.length;
    }
  } else {
    for await (const entry of log.read(seq)) {
      apply(entry.event);
      seq = entry.seq + 1;
    }
  }
  if (builder) state = builder.result();
  return { seq, state };
}
