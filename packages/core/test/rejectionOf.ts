import { expect } from 'vitest';
import { SwitchboardError } from '../src/errors';

/** Awaits a promise that must reject with a SwitchboardError, and returns that error. */
export async function rejectionOf(promise: Promise<unknown>): Promise<SwitchboardError> {
  const error: unknown = await promise.then(
    () => expect.fail('expected a rejection'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SwitchboardError);
  return error as SwitchboardError;
}
