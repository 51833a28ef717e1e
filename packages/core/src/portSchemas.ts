import * as z from 'zod/mini';

const expecting = <T>(accepts: (value: unknown) => boolean, expected: string) =>
  z.custom<T>(accepts, { error: `Expected ${expected}.` });

/**
 * A zod/mini schema for a function passed in configuration (a callback, a port that is one
 * function). It checks only that the value is a function and types it as `F`; `expected` ends
 * the error, as in `Expected a send function.`
 *
 * @typeParam F - The function's type, as the configuration's type declares it.
 */
export function functionSchema<F extends (...args: never[]) => unknown>(
  expected = 'a function',
): z.ZodMiniCustom<F, F> {
  return expecting((value) => typeof value === 'function', expected);
}

/**
 * A zod/mini schema for a port passed in configuration: an object with every one of `methods`
 * as a function, typed as `T`. `expected` ends the error, as in
 * `Expected a message sender (send).`
 *
 * @typeParam T - The port's type; `methods` are names of its methods.
 */
export function portSchema<T extends object>(
  methods: readonly (keyof T & string)[],
  expected: string,
): z.ZodMiniCustom<T, T> {
  return expecting(
    (value) =>
      value instanceof Object &&
      methods.every((method) => typeof (value as T)[method] === 'function'),
    expected,
  );
}
