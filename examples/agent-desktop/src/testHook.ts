import type { DesktopConfig } from './config';
import { createWorld, type World } from './world/createWorld';
import type { CustomerChannel } from './world/customers';

/** What a test build exposes as `window.switchboard`, for the browser tests. */
export interface TestHook {
  /** Moves the virtual clock on, firing the centre's, customers' and colleagues' timers. */
  advance(ms: number): void;
  /** A simulated customer (a seeded random one, or `customerId`) gets in touch. */
  arrive(channel: CustomerChannel, customerId?: string): void;
}

declare global {
  interface Window {
    /** Only in test builds. */
    switchboard?: TestHook;
  }
}

/**
 * The world of a test build: time stands still on a virtual clock that the test moves, and
 * customers arrive only when the test asks; `window.switchboard` exposes both.
 */
export async function createTestWorld(config: DesktopConfig): Promise<World> {
  const { createVirtualClock } = await import('@switchboard/core/testing');
  const clock = createVirtualClock(Date.UTC(2026, 0, 5, 9));
  const world = createWorld(config, clock);
  window.switchboard = {
    advance: (ms) => {
      clock.advance(ms);
    },
    arrive: (channel, customerId) => {
      world.customers.arrive(channel, customerId);
    },
  };
  return world;
}
