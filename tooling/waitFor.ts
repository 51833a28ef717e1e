// A bounded poll for tests: wait until something a server or a peer does has happened.
import { SetupError } from './setupError';

/** Polls `check` every 5 ms until it returns a value other than `undefined`/`false`; bounded. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  what: string,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new SetupError(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
