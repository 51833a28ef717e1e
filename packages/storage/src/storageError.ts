/**
 * Every error the storage adapters throw is a {@link StorageError} with a stable `code` from this
 * table (docs/history.md lists them).
 */
export const storageErrorCodes = {
  /** Bad options or a value that is not JSON. */
  STORAGE_INVALID: 'The options or the value are not what the adapter accepts.',
  /** A stored file has a damaged line before its last one. */
  STORAGE_CORRUPT: 'The stored data is damaged and cannot be read.',
  /** The backing store could not be opened or written. */
  STORAGE_UNAVAILABLE: 'The backing store could not be opened or written.',
} as const;

/** A stable code of a {@link StorageError}. */
export type StorageErrorCode = keyof typeof storageErrorCodes;

/** The one error type of `@switchboard/storage`. Match on `code`, never on `message`. */
export class StorageError extends Error {
  /** The stable code. */
  readonly code: StorageErrorCode;
  /** Structured facts (file, line, store), safe to log. */
  readonly details: Readonly<Record<string, unknown>>;

  /** Creates an error with `code`, the code's message unless given, and details. */
  constructor(
    code: StorageErrorCode,
    message: string = storageErrorCodes[code],
    options: {
      readonly details?: Readonly<Record<string, unknown>>;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'StorageError';
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** Whether `error` is a {@link StorageError}, optionally with the given `code`. */
export function isStorageError(error: unknown, code?: StorageErrorCode): error is StorageError {
  return error instanceof StorageError && (code === undefined || error.code === code);
}

/** The JSON text of `value`, or `STORAGE_INVALID` for what JSON cannot hold. @internal */
export function toJson(key: string, value: unknown): string {
  // `undefined`, functions and symbols stringify to undefined, whatever the lib types say.
  const stringify: (value: unknown) => string | undefined = JSON.stringify;
  let text: string | undefined;
  try {
    text = stringify(value);
  } catch (cause) {
    throw new StorageError('STORAGE_INVALID', `The value of "${key}" is not JSON.`, {
      details: { key },
      cause,
    });
  }
  if (text === undefined) {
    throw new StorageError('STORAGE_INVALID', `The value of "${key}" is not JSON.`, {
      details: { key },
    });
  }
  return text;
}
