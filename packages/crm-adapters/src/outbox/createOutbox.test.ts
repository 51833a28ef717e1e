import { createMemoryStorage } from '@switchboard/core';
import { createVirtualClock, type VirtualClock } from '@switchboard/core/testing';
import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createFakeLocks } from '../../test/fakeLocks';
import { rejection, settle, tick } from '../../test/settle';
import { createMemoryCrm } from '../adapters/memory';
import { CrmError, isCrmError, type CrmErrorCode } from '../errors';
import type { CrmAdapter } from '../model/crmAdapter';
import { createOutbox } from './createOutbox';
import type { OutboxOptions } from './outboxTypes';

const ticket = (subject: string) => ({ op: 'createTicket', ticket: { subject } }) as const;

/** The memory CRM, failing `createTicket` with the scripted errors first (a stand-in for outages). */
function flaky(failures: (CrmErrorCode | { code: CrmErrorCode; retryAfterMs: number })[] = []) {
  const crm = createMemoryCrm();
  const attempts: number[] = [];
  let clock: VirtualClock | undefined;
  const adapter: CrmAdapter = {
    ...crm,
    createTicket(input, options) {
      attempts.push(clock?.now() ?? 0);
      const failure = failures.shift();
      if (failure === undefined) return crm.createTicket(input, options);
      const { code, retryAfterMs } =
        typeof failure === 'string' ? { code: failure, retryAfterMs: undefined } : failure;
      return Promise.reject(
        new CrmError(code, undefined, retryAfterMs === undefined ? {} : { retryAfterMs }),
      );
    },
  };
  return {
    crm,
    adapter,
    attempts,
    bind: (c: VirtualClock) => {
      clock = c;
    },
  };
}

function setup(adapter: CrmAdapter, options: Partial<OutboxOptions> = {}) {
  const clock = createVirtualClock();
  const storage = options.storage ?? createMemoryStorage();
  const outbox = createOutbox({
    adapter,
    storage,
    clock,
    random: () => 0.5,
    locks: null,
    newKey: keys(),
    ...options,
  });
  return { clock, storage, outbox };
}

function keys() {
  let n = 0;
  return () => `key-${String(++n)}`;
}

async function idle(clock: VirtualClock, until: () => boolean, steps = 200) {
  for (let step = 0; step < steps && !until(); step += 1) {
    await tick();
    const due = clock.nextDue();
    if (due !== undefined && !until()) clock.advanceTo(due);
  }
  expect(until()).toBe(true);
}

describe('createOutbox', () => {
  it('stores a write, delivers it with its key, and forgets it once the CRM took it', async () => {
    const { crm, adapter } = flaky();
    const { outbox, storage, clock } = setup(adapter);
    const delivered: unknown[] = [];
    outbox.on('outbox.delivered', ({ result }) => delivered.push(result));
    const entry = await outbox.enqueue(ticket('Refund'));
    expect(entry.key).toBe('key-1');
    await settle(outbox.drain(), clock);
    expect(crm.getSnapshot().tickets.map((t) => t.subject)).toEqual(['Refund']);
    expect(delivered).toHaveLength(1);
    expect(await storage.keys()).toEqual([]);
    expect(outbox.getSnapshot()).toMatchObject({
      pending: 0,
      inFlight: 0,
      deadLetters: 0,
      draining: true,
    });
  });

  it('retries a transient failure with back-off and shows the last error until delivered', async () => {
    const { crm, adapter, attempts, bind } = flaky(['UNAVAILABLE', 'UNAVAILABLE']);
    const { outbox, clock } = setup(adapter);
    bind(clock);
    const start = clock.now();
    await outbox.enqueue(ticket('Refund'));
    await tick();
    expect(outbox.getSnapshot().lastError?.code).toBe('UNAVAILABLE');
    expect(outbox.getSnapshot().pending).toBe(1);
    await idle(clock, () => crm.getSnapshot().tickets.length === 1);
    // full jitter with random() = 0.5 of ceilings 1 s and 2 s
    expect(attempts.map((at) => at - start)).toEqual([0, 500, 1_500]);
    expect(outbox.getSnapshot()).toMatchObject({ pending: 0, lastError: null });
  });

  it('never tries again before the vendor Retry-After', async () => {
    const { crm, adapter, attempts, bind } = flaky([
      { code: 'RATE_LIMITED', retryAfterMs: 30_000 },
    ]);
    const { outbox, clock } = setup(adapter);
    bind(clock);
    const start = clock.now();
    await outbox.enqueue(ticket('Refund'));
    await idle(clock, () => crm.getSnapshot().tickets.length === 1);
    expect(attempts.map((at) => at - start)).toEqual([0, 30_000]);
  });

  it('dead-letters a final error at once, with an event, and replays it on demand', async () => {
    const { crm, adapter } = flaky(['VALIDATION_FAILED']);
    const { outbox, clock } = setup(adapter);
    const dead: string[] = [];
    outbox.on('outbox.deadLettered', ({ entry, error }) => dead.push(`${entry.key}:${error.code}`));
    await outbox.enqueue(ticket('Refund'));
    await settle(outbox.drain(), clock);
    expect(dead).toEqual(['key-1:VALIDATION_FAILED']);
    expect(outbox.getSnapshot()).toMatchObject({ pending: 0, deadLetters: 1 });
    expect((await outbox.entries())[0]?.lastError?.code).toBe('VALIDATION_FAILED');
    expect(await outbox.replay()).toBe(1);
    await idle(clock, () => crm.getSnapshot().tickets.length === 1);
    expect(outbox.getSnapshot()).toMatchObject({ pending: 0, deadLetters: 0 });
  });

  it('dead-letters an entry after maxAttempts transient failures', async () => {
    const { adapter } = flaky(['UNAVAILABLE', 'UNAVAILABLE', 'UNAVAILABLE']);
    const { outbox, clock } = setup(adapter, { maxAttempts: 3 });
    const failed: number[] = [];
    outbox.on('outbox.failed', ({ entry }) => failed.push(entry.attempts));
    await outbox.enqueue(ticket('Refund'));
    await idle(clock, () => outbox.getSnapshot().deadLetters === 1);
    expect(failed).toEqual([1, 2]);
  });

  it('rejects an invalid write with VALIDATION_FAILED and stores nothing', async () => {
    const { adapter } = flaky();
    const { outbox, storage } = setup(adapter);
    const error = await rejection(outbox.enqueue({ op: 'createTicket', ticket: { subject: '' } }));
    expect(isCrmError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(await storage.keys()).toEqual([]);
  });

  it('hands an entry in flight to the next instance when the first is dropped, effective once', async () => {
    const crm = createMemoryCrm();
    let hang = true;
    const adapter: CrmAdapter = {
      ...crm,
      createTicket: (input, options) =>
        hang
          ? crm.createTicket(input, options).then(
              () =>
                new Promise((_, reject) => {
                  options?.signal?.addEventListener('abort', () => {
                    reject(new CrmError('UNAVAILABLE'));
                  });
                }),
            ) // committed, answer never arrives
          : crm.createTicket(input, options),
    };
    const storage = createMemoryStorage();
    const first = setup(adapter, { storage });
    await first.outbox.enqueue(ticket('Refund'));
    await tick();
    expect(first.outbox.getSnapshot().inFlight).toBe(1);
    await first.outbox.dispose();
    hang = false;
    const second = setup(adapter, { storage });
    await settle(second.outbox.drain(), second.clock);
    expect(crm.getSnapshot().tickets).toHaveLength(1);
    expect(await storage.keys()).toEqual([]);
  });

  it('elects one drainer across instances with Web Locks, and the next takes over on dispose', async () => {
    const { crm, adapter } = flaky();
    const locks = createFakeLocks();
    const storage = createMemoryStorage();
    const a = setup(adapter, { storage, locks });
    const b = setup(adapter, { storage, locks, newKey: () => 'from-b' });
    await tick();
    expect([a.outbox.getSnapshot().draining, b.outbox.getSnapshot().draining]).toEqual([
      true,
      false,
    ]);
    await a.outbox.dispose();
    await b.outbox.enqueue(ticket('From B'));
    await idle(b.clock, () => crm.getSnapshot().tickets.length === 1);
    expect(b.outbox.getSnapshot().draining).toBe(true);
    await b.outbox.dispose();
  });

  it('refuses writes after dispose', async () => {
    const { outbox } = setup(flaky().adapter);
    await outbox.dispose();
    expect(isCrmError(await rejection(outbox.enqueue(ticket('Late'))), 'DISPOSED')).toBe(true);
  });

  propertyTest.prop(
    [
      fc.array(
        fc.array(fc.constantFrom<CrmErrorCode>('UNAVAILABLE', 'RATE_LIMITED', 'NOT_FOUND'), {
          maxLength: 4,
        }),
        {
          minLength: 1,
          maxLength: 6,
        },
      ),
    ],
    { numRuns: 40, seed: 9 },
  )(
    'delivers every entry exactly once or dead-letters it, whatever the failures',
    async (scripts) => {
      const crm = createMemoryCrm();
      const plans = new Map<string, CrmErrorCode[]>();
      const adapter: CrmAdapter = {
        ...crm,
        createTicket(input, options) {
          const failure = plans.get(options?.idempotencyKey ?? '')?.shift();
          return failure ? Promise.reject(new CrmError(failure)) : crm.createTicket(input, options);
        },
      };
      const { outbox, clock, storage } = setup(adapter, { maxAttempts: 4 });
      for (const [index, script] of scripts.entries()) {
        plans.set(`key-${String(index + 1)}`, [...script]);
        await outbox.enqueue(ticket(`T${String(index)}`));
      }
      await idle(clock, () => outbox.getSnapshot().pending === 0, 2_000);
      const expectedDead = scripts.filter((s) => s.includes('NOT_FOUND') || s.length >= 4).length;
      expect(crm.getSnapshot().tickets).toHaveLength(scripts.length - expectedDead);
      expect(outbox.getSnapshot().deadLetters).toBe(expectedDead);
      expect(await storage.keys()).toHaveLength(expectedDead);
    },
  );
});
