import { CodedError, type CodedErrorOptions, type ValidationIssue } from '@switchboard/core';

/**
 * Every error the CRM adapters throw is a {@link CrmError} with a stable `code` from this table.
 * Vendor answers are mapped onto these codes at the HTTP boundary; `docs/crm.md` lists them
 * (a test keeps the two in sync). Codes are never reused or renamed.
 */
export const crmErrorCodes = {
  /** The token was refused (401 after one refresh) or lacks a scope (403). */
  AUTH_FAILED: 'The CRM refused the credentials or their scopes.',
  /** The vendor or the client-side limiter said to slow down; `retryAfterMs` says how long. */
  RATE_LIMITED: 'The CRM rate limit was reached.',
  /** The record does not exist in the CRM. */
  NOT_FOUND: 'The CRM has no such record.',
  /** Input failed our schema, or the vendor rejected it (its details are attached). */
  VALIDATION_FAILED: 'The input was rejected by a schema or by the CRM.',
  /** The CRM did not answer in time, the network failed, or it answered 5xx. */
  UNAVAILABLE: 'The CRM is unavailable or did not answer in time.',
  /** The CRM answered something the adapter cannot read. */
  BAD_RESPONSE: 'The CRM answered with an unexpected body.',
  /** The adapter or the CRM does not support the operation (see `capabilities`). */
  UNSUPPORTED: 'The CRM adapter does not support this operation.',
  /** An adapter, field mapping or outbox option is invalid. */
  CONFIG_INVALID: 'The CRM configuration is invalid.',
  /** Used after `dispose()`. */
  DISPOSED: 'The object was disposed and can no longer be used.',
} as const;

/** A stable machine-readable CRM error code; see `docs/crm.md#errors`. */
export type CrmErrorCode = keyof typeof crmErrorCodes;

/** One problem found in input or reported by the vendor: the core's validation issue. */
export type CrmIssue = ValidationIssue;

/** Options of a {@link CrmError}: details safe to log (never credentials), issues, cause, and a wait. */
export interface CrmErrorOptions extends CodedErrorOptions {
  /** For `RATE_LIMITED` (and some `UNAVAILABLE`): how long to wait before trying again. */
  readonly retryAfterMs?: number;
}

/**
 * The only error type the CRM adapters throw. Match on `code`, never on `message`.
 *
 * @example
 * ```ts
 * try { await crm.createTicket({ subject: 'Refund' }); }
 * catch (error) { if (isCrmError(error, 'RATE_LIMITED')) retryIn(error.retryAfterMs); }
 * ```
 */
export class CrmError extends CodedError<CrmErrorCode> {
  /** How long to wait before trying again, when the CRM or the limiter said so. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: CrmErrorCode,
    message: string = crmErrorCodes[code],
    options: CrmErrorOptions = {},
  ) {
    super(code, message, options);
    this.name = 'CrmError';
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Whether `error` is a {@link CrmError}, optionally with the given `code`. */
export function isCrmError(error: unknown, code?: CrmErrorCode): error is CrmError {
  return error instanceof CrmError && (code === undefined || error.code === code);
}

/** Whether trying the same operation again later may succeed. */
export function isTransient(error: unknown): boolean {
  return isCrmError(error) ? error.code === 'RATE_LIMITED' || error.code === 'UNAVAILABLE' : true;
}
