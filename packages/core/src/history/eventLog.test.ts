import { describe, expect, it } from 'vitest';
import { isSwitchboardError } from '../errors';
import { createMemoryStorage, type Storage } from '../ports/storage';
import { eventKey, openEventLog } from './eventLog';
import { defineEventSchema } from './eventSchema';
import { defineProjection } from './projection';
import { replay } from './snapshots';

interface Tick {
  type: 'tick';
  at: number;
}
const v1 = defineEventSchema<Tick>({ version: 1 });

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('openEventLog', () => {
  it('appends in order, reads from a position and goes on after a reopen', async () => {
    const storage = createMemoryStorage();
    const log = await openEventLog({ storage, schema: v1 });
    void log.append([{ type: 'tick', at: 1 }]);
    void log.append([
      { type: 'tick', at: 2 },
      { type: 'tick', at: 3 },
    ]);
    expect(log.size()).toBe(3);
    expect((await all(log.read(1))).map(({ seq, event }) => [seq, event.at])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    const again = await openEventLog({ storage, schema: v1 });
    expect(again.size()).toBe(3);
    await again.append([{ type: 'tick', at: 4 }]);
    expect((await all(again.read())).map(({ event }) => event.at)).toEqual([1, 2, 3, 4]);
    expect(await storage.get(eventKey('events', 0))).toEqual({
      v: 1,
      event: { type: 'tick', at: 1 },
    });
  });

  it('keeps logs of different names apart on one storage', async () => {
    const storage = createMemoryStorage();
    const a = await openEventLog({ storage, schema: v1, name: 'a' });
    const b = await openEventLog({ storage, schema: v1, name: 'b' });
    await a.append([{ type: 'tick', at: 1 }]);
    expect(b.size()).toBe(0);
    expect(await all(b.read())).toEqual([]);
  });

  it('upgrades stored events through every migration from their version on', async () => {
    const storage = createMemoryStorage();
    const old = await openEventLog({ storage, schema: defineEventSchema({ version: 1 }) });
    await old.append([{ name: 'tick', time: 5 }]);
    const v2 = defineEventSchema({
      version: 2,
      migrations: {
        1: (e) => ({ type: (e as { name: string }).name, time: (e as { time: number }).time }),
      },
    });
    const mid = await openEventLog({ storage, schema: v2 });
    await mid.append([{ type: 'tick', time: 6 }]);
    const v3 = defineEventSchema<Tick>({
      version: 3,
      migrations: {
        ...v2.migrations,
        2: (e) => ({ type: (e as { type: string }).type, at: (e as { time: number }).time }),
      },
    });
    const log = await openEventLog({ storage, schema: v3 });
    expect((await all(log.read())).map(({ event }) => event)).toEqual([
      { type: 'tick', at: 5 },
      { type: 'tick', at: 6 },
    ]);
  });

  it('replays memory storage without copies, yet read copies and migrations stay free to change', async () => {
    const storage = createMemoryStorage();
    const old = await openEventLog({ storage, schema: defineEventSchema({ version: 1 }) });
    await old.append([{ type: 'tick', time: 1 }]);
    // This migration changes its input in place: it is given a copy.
    const v2 = defineEventSchema<Tick>({
      version: 2,
      migrations: {
        1: (e) => {
          const event = e as { time?: number; at?: number };
          event.at = event.time;
          delete event.time;
          return event;
        },
      },
    });
    const log = await openEventLog({ storage, schema: v2 });
    await log.append([{ type: 'tick', at: 2 }]);
    const kept: Tick[] = [];
    const projection = defineProjection<number, Tick>({
      version: 1,
      initial: 0,
      evolve(sum, event) {
        kept.push(event);
        return sum + event.at;
      },
      encode: (sum) => sum,
      decode: (json) => json as number,
    });
    expect(await replay(log, projection)).toEqual({ seq: 2, state: 3 });
    // The current-version event is the stored one, shared and frozen; the migrated one a copy.
    expect(Object.isFrozen(kept[1])).toBe(true);
    const [first, second] = (await all(log.read())).map(({ event }) => event);
    expect(first).toEqual({ type: 'tick', at: 1 });
    second!.at = 99; // what `read` yields is a detached copy
    expect((await replay(log, projection)).state).toBe(3);
  });

  it.each([
    ['a newer version', { v: 2, event: {} }, defineEventSchema({ version: 1 })],
    ['a missing migration', { v: 1, event: {} }, defineEventSchema({ version: 2 })],
    ['no envelope', { type: 'tick' }, v1],
    ['a non-integer version', { v: 'one', event: {} }, v1],
  ])('refuses %s with HISTORY_UNREADABLE', async (_, stored, schema) => {
    const storage = createMemoryStorage();
    await storage.set(eventKey('events', 0), stored);
    const log = await openEventLog({ storage, schema });
    const error = await all(log.read()).catch((caught: unknown) => caught);
    expect(isSwitchboardError(error, 'HISTORY_UNREADABLE')).toBe(true);
  });

  it('rewrites only the events the transform changes', async () => {
    const storage = createMemoryStorage();
    const log = await openEventLog({ storage, schema: v1 });
    void log.append([1, 2, 3].map((at) => ({ type: 'tick' as const, at })));
    const count = await log.rewrite((event) => (event.at === 2 ? { ...event, at: 20 } : event));
    expect(count).toBe(1);
    expect((await all(log.read())).map(({ event }) => event.at)).toEqual([1, 20, 3]);
  });

  it('reports a failed write from flush and keeps writing later appends', async () => {
    const memory = createMemoryStorage();
    let fail = true;
    const storage: Storage = {
      ...memory,
      set: (key, value) =>
        fail ? Promise.reject(new TypeError('disk full')) : memory.set(key, value),
    };
    const log = await openEventLog({ storage, schema: v1 });
    await expect(log.append([{ type: 'tick', at: 1 }])).rejects.toThrow('disk full');
    fail = false;
    await log.append([{ type: 'tick', at: 2 }]);
    await expect(log.flush()).rejects.toThrow('disk full');
    expect(await memory.get(eventKey('events', 1))).toEqual({
      v: 1,
      event: { type: 'tick', at: 2 },
    });
  });

  it('refuses a schema version below 1', () => {
    expect(() => defineEventSchema({ version: 0 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
