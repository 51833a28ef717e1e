import { CodedError, type CodedErrorOptions } from '@switchboard/core';

/**
 * Every error of `@switchboard/plugin-email` is an {@link EmailError} with a stable `code` from
 * this table (docs/plugins/email.md lists them). Codes are never reused or renamed.
 */
export const emailErrorCodes = {
  /** A message, draft or option failed its schema; `issues` says where. */
  EMAIL_INVALID: 'The message, draft or options are not valid.',
  /** No thread is known for the contact. */
  EMAIL_NO_THREAD: 'No email thread is known for this contact.',
  /** The agent does not hold the contact in conversation, so cannot reply on it. */
  EMAIL_NOT_HELD: 'The agent does not hold this email contact.',
  /** The outbound transport refused or failed to send; `cause` has its error. */
  EMAIL_SEND_FAILED: 'The reply could not be sent.',
} as const;

/** A stable code of an {@link EmailError}. */
export type EmailErrorCode = keyof typeof emailErrorCodes;

/** The one error type of the email channel. Match on `code`, never on `message`. */
export class EmailError extends CodedError<EmailErrorCode> {
  /** Creates an error with `code`, the code's message unless given, and details. */
  constructor(
    code: EmailErrorCode,
    message: string = emailErrorCodes[code],
    options: CodedErrorOptions = {},
  ) {
    super(code, message, options);
    this.name = 'EmailError';
  }
}

/** Whether `error` is an {@link EmailError}, optionally with the given `code`. */
export function isEmailError(error: unknown, code?: EmailErrorCode): error is EmailError {
  return error instanceof EmailError && (code === undefined || error.code === code);
}
