import { CodedError, type CodedErrorOptions, type ValidationIssue } from '@switchboard/core';

/**
 * Every error the softphone throws or reports is a {@link SoftphoneError} with a stable `code`
 * from this table. Codes are never reused or renamed; `docs/softphone.md` lists them (a test keeps
 * the two in sync). sip.js and transport failures are mapped onto these codes at the boundary.
 */
export const softphoneErrorCodes = {
  /** Bad options or arguments: the issues say which fields. */
  INVALID_INPUT: 'The options or arguments did not match their schema.',
  /** The target is neither a SIP URI nor a phone number that can be normalised to E.164. */
  INVALID_TARGET: 'The call target is not a SIP URI or a valid phone number.',
  /** The operation is not allowed in the registration's or call's current state. */
  INVALID_STATE: 'The operation is not allowed in the current state.',
  /** The registrar refused the credentials (401/403 after authenticating). */
  UNAUTHORIZED: 'The registrar refused the credentials.',
  /** The `credentials` function threw or returned something other than a non-empty string. */
  CREDENTIALS_UNAVAILABLE: 'The credentials function did not return a password or token.',
  /** The registrar answered REGISTER with another failure, or did not answer. */
  REGISTRATION_FAILED: 'The registrar did not accept the registration.',
  /** The WebSocket to the server could not be opened, or was lost for good. */
  TRANSPORT_FAILED: 'The connection to the SIP server failed.',
  /** The far end or a proxy refused or failed the call or an in-call request. */
  CALL_FAILED: 'The call, or a request within it, failed.',
  /** A transfer failed: the far end refused the REFER, or its new call failed or never ended. */
  TRANSFER_FAILED: 'The transfer failed; the call goes on.',
  /** The media layer (SDP, microphone, peer connection) failed. */
  MEDIA_FAILED: 'The media session could not be set up.',
  /** The browser or the user refused access to the microphone. */
  PERMISSION_DENIED: 'Access to the microphone was denied.',
  /** No call or device with that id. */
  NOT_FOUND: 'No call or device with that id.',
  /** Used after dispose(). */
  DISPOSED: 'The softphone was disposed and can no longer be used.',
} as const;

/** A stable machine-readable softphone error code; see `docs/softphone.md#errors`. */
export type SoftphoneErrorCode = keyof typeof softphoneErrorCodes;

/** One problem found while validating input: the core's validation issue (zod's shape). */
export type SoftphoneIssue = ValidationIssue;

/** Options of a {@link SoftphoneError}: details, validation issues (for `INVALID_INPUT`), cause. */
export type SoftphoneErrorOptions = CodedErrorOptions;

/**
 * The only error type the softphone throws. Match on `code`, never on `message`.
 *
 * @example
 * ```ts
 * try { await phone.register(); }
 * catch (error) { if (isSoftphoneError(error, 'UNAUTHORIZED')) askForPasswordAgain(); }
 * ```
 */
export class SoftphoneError extends CodedError<SoftphoneErrorCode> {
  constructor(
    code: SoftphoneErrorCode,
    message: string = softphoneErrorCodes[code],
    options: SoftphoneErrorOptions = {},
  ) {
    super(code, message, options);
    this.name = 'SoftphoneError';
  }
}

/** Whether `error` is a {@link SoftphoneError}, optionally with the given `code`. */
export function isSoftphoneError(
  error: unknown,
  code?: SoftphoneErrorCode,
): error is SoftphoneError {
  return error instanceof SoftphoneError && (code === undefined || error.code === code);
}
