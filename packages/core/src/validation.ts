import { SwitchboardError, type ErrorCode, type ValidationIssue } from './errors';

/** One problem reported by a {@link Validator}; zod's issues have this shape (and more). */
export interface ValidatorIssue {
  /** Where in the input the problem is. */
  readonly path: readonly PropertyKey[];
  /** What is wrong, in words. */
  readonly message: string;
}

/** A successful {@link Validator.safeParse}. */
export interface ValidatorSuccess<T> {
  /** Marks success. */
  readonly success: true;
  /** The parsed value, with defaults applied and transforms run. */
  readonly data: T;
}

/** A failed {@link Validator.safeParse}. */
export interface ValidatorFailure {
  /** Marks failure. */
  readonly success: false;
  /** Why the input was rejected. */
  readonly error: {
    /** Every problem found. */
    readonly issues: readonly ValidatorIssue[];
  };
}

/**
 * The minimal schema Switchboard accepts for action payloads and plugin configuration:
 * anything with a synchronous zod-style `safeParse`. Schemas of zod 4 (classic `zod` and
 * `zod/mini`) are assignable as they are; other libraries need a three-line adapter.
 *
 * @typeParam T - The parsed (output) type.
 */
export interface Validator<T> {
  /** Parses `data` without throwing. */
  safeParse(data: unknown): ValidatorSuccess<T> | ValidatorFailure;
}

/** The parsed (output) type of a {@link Validator}, e.g. of a zod schema. */
export type ValidatorOutput<V> = V extends Validator<infer T> ? T : never;

/** Copies a validator's issues into Switchboard's {@link ValidationIssue} shape. */
export function toValidationIssues(issues: readonly ValidatorIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({ path: [...issue.path], message: issue.message }));
}

/**
 * Parses `data` with `validator`, or throws a {@link SwitchboardError} with `code`, `message`
 * (text, or made from the issues), `details` and the validator's issues.
 *
 * @internal
 */
export function parseOrThrow<T>(
  validator: Validator<T>,
  data: unknown,
  code: ErrorCode,
  message: string | ((issues: readonly ValidatorIssue[]) => string),
  details: Readonly<Record<string, unknown>>,
): T {
  const result = validator.safeParse(data);
  if (result.success) return result.data;
  const { issues } = result.error;
  throw new SwitchboardError(code, typeof message === 'string' ? message : message(issues), {
    details,
    issues: toValidationIssues(issues),
  });
}

/**
 * Parses host input at a public boundary: the parsed value, or `VALIDATION_FAILED` naming the
 * input (`what`, e.g. `contact`) and the first field at fault, with every issue attached.
 * Plugins use it for their own inputs, so their errors read like the core's.
 */
export function parseInput<T>(validator: Validator<T>, input: unknown, what: string): T {
  // Valid input, nearly every call, returns here: the message and details are built for a
  // failure only (which parses once more), not allocated for every command of a busy centre.
  const result = validator.safeParse(input);
  if (result.success) return result.data;
  const describe = ([first]: readonly ValidatorIssue[]) => {
    const where = first && first.path.length > 0 ? ` at ${first.path.map(String).join('.')}` : '';
    return `Invalid ${what}${where}: ${first?.message ?? 'rejected by its schema'}.`;
  };
  return parseOrThrow(validator, input, 'VALIDATION_FAILED', describe, { input: what });
}

/**
 * Whether `input` is a frozen plain object whose own fields are all plain values (no getter, no
 * nested object): nothing about it can change once it has been validated.
 */
function isFrozenRecord(input: unknown): input is object {
  return (
    typeof input === 'object' &&
    input !== null &&
    Object.isFrozen(input) &&
    Object.getPrototypeOf(input) === Object.prototype &&
    Object.values(Object.getOwnPropertyDescriptors(input)).every(
      (field) => !field.get && (typeof field.value !== 'object' || field.value === null),
    )
  );
}

/**
 * {@link parseInput} for input that callers send again and again as the same object, such as a
 * bot's kept `Object.freeze({ type: 'connect' })`: a frozen object of plain fields cannot change
 * once it passed, so its (frozen) parse is kept and reused; any other input is parsed every time.
 *
 * @internal
 */
export function createInputParser<T>(validator: Validator<T>, what: string): (input: unknown) => T {
  const passed = new WeakMap<object, T>();
  return (input) => {
    // A kept parse is returned before any check: only a frozen record got one, and it cannot
    // have changed since (its fields and prototype are fixed), so the costly check runs once.
    // (`get` of a primitive is simply `undefined`.)
    const known = passed.get(input as object);
    if (known !== undefined) return known;
    if (isFrozenRecord(input)) {
      const parsed = Object.freeze(parseInput(validator, input, what));
      passed.set(input, parsed);
      return parsed;
    }
    return parseInput(validator, input, what);
  };
}
