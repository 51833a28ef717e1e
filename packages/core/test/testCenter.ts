import { createContactCenter, type ContactCenterOptions } from '../src/center/contactCenter';
import { silentLogger, type Logger } from '../src/ports/logger';
import { createVirtualClock } from '../src/testing/virtualClock';

/**
 * Rethrows what a listener or state subscriber threw, which the centre would only log: a failing
 * `expect` there fails the test. A test of that isolation passes its own logger.
 */
export const throwingLogger: Logger = {
  ...silentLogger,
  error(message, details) {
    const error = details?.error;
    throw error instanceof Error ? error : new Error(message, { cause: error });
  },
};

/** A centre on a virtual clock starting at `start`, whose contacts are numbered `c1`, `c2`, ... */
export function createTestCenter(options: ContactCenterOptions = {}, start?: number) {
  const clock = createVirtualClock(start);
  let next = 0;
  const center = createContactCenter({
    clock,
    createId: () => `c${++next}`,
    logger: throwingLogger,
    ...options,
  });
  return { clock, center };
}
