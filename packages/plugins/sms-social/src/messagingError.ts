import { CodedError, type CodedErrorOptions } from '@switchboard/core';

/**
 * Every error of `@switchboard/plugin-sms-social` is a {@link MessagingError} with a stable
 * `code` from this table (docs/plugins/sms-social.md lists them). Codes are never reused.
 */
export const messagingErrorCodes = {
  /** A webhook came without a valid signature for its body (HTTP 401). */
  WEBHOOK_SIGNATURE_INVALID: 'The webhook signature is missing or does not match the body.',
  /** A webhook's timestamp is outside the replay window (HTTP 401). */
  WEBHOOK_TIMESTAMP_STALE: 'The webhook timestamp is outside the accepted window.',
  /** A webhook's delivery id was already accepted inside the window (HTTP 401). */
  WEBHOOK_REPLAYED: 'The webhook delivery was already received.',
  /** A webhook's body is not JSON or fails the payload schema (HTTP 400). */
  WEBHOOK_PAYLOAD_INVALID: 'The webhook body is not a valid message.',
  /** A webhook's body exceeds the size limit (HTTP 413). */
  WEBHOOK_TOO_LARGE: 'The webhook body is too large.',
  /** Options, a message or a draft failed its schema. */
  MESSAGING_INVALID: 'The options, message or draft are not valid.',
  /** No conversation is known for the contact. */
  MESSAGING_NO_CONVERSATION: 'No conversation is known for this contact.',
  /** The agent does not hold the contact, so cannot reply on it. */
  MESSAGING_NOT_HELD: 'The agent does not hold this contact.',
  /** The sender port refused or failed to send; `cause` has its error. */
  MESSAGING_SEND_FAILED: 'The message could not be sent.',
} as const;

/** A stable code of a {@link MessagingError}. */
export type MessagingErrorCode = keyof typeof messagingErrorCodes;

/** The HTTP status a webhook answers for each webhook code. */
export const webhookStatus: Readonly<Partial<Record<MessagingErrorCode, number>>> = {
  WEBHOOK_SIGNATURE_INVALID: 401,
  WEBHOOK_TIMESTAMP_STALE: 401,
  WEBHOOK_REPLAYED: 401,
  WEBHOOK_PAYLOAD_INVALID: 400,
  WEBHOOK_TOO_LARGE: 413,
};

/** The one error type of the SMS and social channel. Match on `code`, never on `message`. */
export class MessagingError extends CodedError<MessagingErrorCode> {
  /** Creates an error with `code`, the code's message unless given, and details. */
  constructor(
    code: MessagingErrorCode,
    message: string = messagingErrorCodes[code],
    options: CodedErrorOptions = {},
  ) {
    super(code, message, options);
    this.name = 'MessagingError';
  }
}

/** Whether `error` is a {@link MessagingError}, optionally with the given `code`. */
export function isMessagingError(
  error: unknown,
  code?: MessagingErrorCode,
): error is MessagingError {
  return error instanceof MessagingError && (code === undefined || error.code === code);
}
