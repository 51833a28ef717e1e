import { SwitchboardError } from '../errors';

/** Turns a stored event of one schema version into the next version's shape. */
export type EventMigration = (event: unknown) => unknown;

/**
 * The schema version of the events a log stores, and how to upgrade older ones. Every stored
 * event carries the version it was written with; reading runs the migrations from that version
 * up to `version`, one step at a time.
 */
export interface EventSchema<E> {
  /** The version new events are written with; a positive integer. */
  readonly version: number;
  /** `migrations[n]` turns a version-`n` event into a version-`n + 1` one. */
  readonly migrations: Readonly<Record<number, EventMigration>>;
  /** Only for typing: the shape of a current event. */
  readonly event?: E;
}

/**
 * Declares an {@link EventSchema}: bump `version` when the shape of an event changes and add the
 * migration from the previous version, so history written by older code stays readable.
 *
 * @example
 * ```ts
 * const schema = defineEventSchema<{ type: string; at: number }>({
 *   version: 2,
 *   migrations: { 1: (old) => ({ ...(old as object), at: (old as { time: number }).time }) },
 * });
 * ```
 */
export function defineEventSchema<E>(schema: {
  readonly version: number;
  readonly migrations?: Readonly<Record<number, EventMigration>>;
}): EventSchema<E> {
  if (!Number.isInteger(schema.version) || schema.version < 1) {
    throw new SwitchboardError('VALIDATION_FAILED', 'An event schema version is an integer >= 1.', {
      issues: [{ path: ['version'], message: 'integer >= 1' }],
    });
  }
  return Object.freeze({ version: schema.version, migrations: { ...schema.migrations } });
}

/** A stored event: the schema version it was written with and the event. */
export interface StoredEvent {
  /** The schema version. */
  readonly v: number;
  /** The event as written. */
  readonly event: unknown;
}

const unreadable = (key: string, message: string, version?: unknown): never => {
  throw new SwitchboardError('HISTORY_UNREADABLE', message, { details: { key, version } });
};

/**
 * The event stored under `key`, upgraded to the schema's current version.
 *
 * @internal
 */
export function upgradeEvent<E>(schema: EventSchema<E>, stored: unknown, key: string): E {
  if (typeof stored !== 'object' || stored === null || !('v' in stored) || !('event' in stored)) {
    return unreadable(key, `Stored event ${key} is not an event envelope.`);
  }
  const { v, event } = stored as StoredEvent;
  if (!Number.isInteger(v) || v < 1 || v > schema.version) {
    return unreadable(
      key,
      `Stored event ${key} has schema version ${String(v)}, newer or invalid.`,
      v,
    );
  }
  let upgraded = event;
  for (let version = v; version < schema.version; version += 1) {
    const migrate = schema.migrations[version];
    if (!migrate)
      return unreadable(key, `No migration from event schema version ${version}.`, version);
    upgraded = migrate(upgraded);
  }
  return upgraded as E;
}
