import { CodedError, type CodedErrorOptions } from '@switchboard/core';
import { chatErrorCodes, type ChatErrorCode } from './protocol/codes';

/**
 * What the gateway and the desk plugin throw: a stable `code` from {@link chatErrorCodes}.
 * (The customer client never throws; it reports the same codes as data.)
 *
 * @example
 * ```ts
 * try { chat.send(contactId, text); }
 * catch (error) { if (isChatError(error, 'NOT_YOUR_CHAT')) closeTab(contactId); }
 * ```
 */
export class ChatError extends CodedError<ChatErrorCode> {
  constructor(
    code: ChatErrorCode,
    message: string = chatErrorCodes[code],
    options: CodedErrorOptions = {},
  ) {
    super(code, message, options);
    this.name = 'ChatError';
  }
}

/** Whether `error` is a {@link ChatError}, optionally with the given `code`. */
export function isChatError(error: unknown, code?: ChatErrorCode): error is ChatError {
  return error instanceof ChatError && (code === undefined || error.code === code);
}
