import { createVirtualClock } from '@switchboard/core/testing';
import { describe, expect, it } from 'vitest';
import { createReinviteQueue } from './reinviteQueue';

class Refused extends Error {
  constructor(readonly statusCode: number) {
    super(`refused ${statusCode}`);
  }
}

const flush = async () => {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
};

function setup(retries?: number) {
  const clock = createVirtualClock(0);
  const queue = createReinviteQueue({
    clock,
    random: () => 0.5,
    isRetryable: (error) => error instanceof Refused && [491, 500].includes(error.statusCode),
    ...(retries === undefined ? {} : { retries }),
  });
  return { clock, queue };
}

describe('re-INVITE queue', () => {
  it('never runs two tasks at once, and keeps their order', async () => {
    const { queue } = setup();
    const log: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running += 1;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await flush();
      log.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([queue.run(task('hold')), queue.run(task('resume'))]);
    expect(results).toEqual(['hold', 'resume']);
    expect(log).toEqual(['start hold', 'end hold', 'start resume', 'end resume']);
  });

  it('retries a 491 after a back-off on the clock', async () => {
    const { clock, queue } = setup();
    let tries = 0;
    const done = queue.run(() => {
      tries += 1;
      return tries < 3 ? Promise.reject(new Refused(491)) : Promise.resolve('held');
    });
    await flush();
    expect(tries).toBe(1);
    clock.advance(150); // first back-off: between 100 and 200 ms
    await flush();
    expect(tries).toBe(2);
    clock.advance(300); // second: between 200 and 400 ms
    await flush();
    await expect(done).resolves.toBe('held');
    expect(tries).toBe(3);
  });

  it('gives up after the retries and does not retry other failures', async () => {
    const { clock, queue } = setup(1);
    const busy = queue.run(() => Promise.reject(new Refused(500)));
    const caught = busy.catch((error: unknown) => error);
    await flush();
    clock.advance(1000);
    expect(await caught).toBeInstanceOf(Refused);
    let tries = 0;
    await expect(
      queue.run(() => {
        tries += 1;
        return Promise.reject(new Refused(488));
      }),
    ).rejects.toBeInstanceOf(Refused);
    expect(tries).toBe(1);
  });

  it('clear() rejects waiting tasks without running them', async () => {
    const { queue } = setup();
    let ran = false;
    let release!: () => void;
    const first = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    const second = queue.run(() => {
      ran = true;
      return Promise.resolve();
    });
    await flush(); // the first task is running now
    const reason = new Error('call ended');
    queue.clear(reason);
    release();
    await first;
    await expect(second).rejects.toBe(reason);
    expect(ran).toBe(false);
  });
});
