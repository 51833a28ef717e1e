/**
 * Every error Switchboard throws is a {@link SwitchboardError} with a stable `code` from this table.
 * Codes are never reused or renamed; `docs/errors.md` lists them (a test keeps the two in sync).
 */
export const errorCodes = {
  /** Bad input: the issues say which fields. */
  VALIDATION_FAILED: 'Input did not match its schema.',
  /** A state machine refused the command in its current status. */
  INVALID_TRANSITION: 'The command is not allowed in the current state.',
  /** An unknown id. */
  NOT_FOUND: 'The referenced agent, contact, queue or plugin does not exist.',
  /** A duplicate id. */
  ALREADY_EXISTS: 'Something with that id already exists.',
  /** A role or plugin permission is missing. */
  PERMISSION_DENIED: 'The caller lacks the role or plugin permission the operation requires.',
  /** A plugin hook stopped the action. */
  ACTION_CANCELLED: 'A before-hook cancelled the action.',
  /** No such action. */
  UNKNOWN_ACTION: 'No action is registered under that name.',
  /** An action name is taken. */
  ACTION_DUPLICATE: 'An action with that name is already registered.',
  /** The agent is full on that channel. */
  CAPACITY_EXCEEDED: "The agent has no free capacity on the contact's channel.",
  /** A malformed plugin or configuration. */
  PLUGIN_INVALID: 'A plugin definition or its configuration is invalid.',
  /** A plugin name is taken. */
  PLUGIN_DUPLICATE: 'Two plugins share one name.',
  /** A plugin needs one that is absent. */
  PLUGIN_MISSING_DEPENDENCY: 'A plugin depends on a plugin that is not loaded.',
  /** Plugins depend on each other in a loop. */
  PLUGIN_DEPENDENCY_CYCLE: 'Plugin dependencies form a cycle.',
  /** A plugin setup hung. */
  PLUGIN_SETUP_TIMEOUT: 'A plugin setup did not finish within its time limit.',
  /** A plugin setup threw. */
  PLUGIN_SETUP_FAILED: 'A plugin setup threw or rejected.',
  /** Used after dispose(). */
  DISPOSED: 'The object was disposed and can no longer be used.',
  /** A sensitive action for a customer who is not verified. */
  VERIFICATION_REQUIRED: 'The customer must be verified before this action.',
  /** A call to a number on the do-not-call list. */
  CALL_NOT_ALLOWED: 'The number is on the do-not-call list.',
  /** The centre could not be reached, refused the desk, or the connection closed mid-command. */
  UNAVAILABLE: 'The contact centre is not reachable over this connection.',
  /** Stored history that this version cannot read. */
  HISTORY_UNREADABLE: 'Stored history is malformed or has a schema version with no migration.',
} as const;

/** A stable machine-readable error code; see `docs/errors.md`. */
export type ErrorCode = keyof typeof errorCodes;

/** One problem found while validating input (the shape of zod's issues). */
export interface ValidationIssue {
  /** Where in the input the problem is, as property keys and array indexes. */
  readonly path: readonly PropertyKey[];
  /** What is wrong, in words. */
  readonly message: string;
}

/** Options of a {@link CodedError}. */
export interface CodedErrorOptions {
  /** Structured facts about the failure (ids, states, names), safe to log. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Validation issues, e.g. for `VALIDATION_FAILED`. */
  readonly issues?: readonly ValidationIssue[];
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/** Options of a {@link SwitchboardError}. */
export type SwitchboardErrorOptions = CodedErrorOptions;

/**
 * The shape every Switchboard package's error shares: a stable `code` from the package's own
 * table, safe `details` and validation `issues`. Packages extend it (`SoftphoneError`,
 * `CrmError`); the core's is {@link SwitchboardError}.
 */
export class CodedError<C extends string> extends Error {
  /** The stable code of this error. */
  readonly code: C;
  /** Structured facts about the failure. */
  readonly details: Readonly<Record<string, unknown>>;
  /** Validation issues (empty unless the input failed a schema). */
  readonly issues: readonly ValidationIssue[];

  constructor(code: C, message: string, options: CodedErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
    this.issues = options.issues ?? [];
  }
}

/**
 * The only error type the core throws. Match on `code`, never on `message`.
 *
 * @example
 * ```ts
 * try { desk.accept(contactId); }
 * catch (error) { if (isSwitchboardError(error, 'INVALID_TRANSITION')) showToast(error.message); }
 * ```
 */
export class SwitchboardError extends CodedError<ErrorCode> {
  constructor(
    code: ErrorCode,
    message: string = errorCodes[code],
    options: SwitchboardErrorOptions = {},
  ) {
    super(code, message, options);
    this.name = 'SwitchboardError';
  }
}

/** Whether `error` is a {@link SwitchboardError}, optionally with the given `code`. */
export function isSwitchboardError(error: unknown, code?: ErrorCode): error is SwitchboardError {
  return error instanceof SwitchboardError && (code === undefined || error.code === code);
}
