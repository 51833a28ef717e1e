import type { Logger } from '@switchboard/core';
import { redactionFailedText } from '../protocol/message';

/**
 * The transcript port the chat plugin looks for on another plugin (the redaction plugin's API
 * has it): redacts one message's text. The chat plugin does not depend on that plugin.
 */
export interface ChatTranscriptRedactor {
  /** The message with its text redacted. */
  redactMessage<M extends { readonly contactId: string; readonly text: string }>(message: M): M;
}

/**
 * Redacts a chat text through the optional plugin `pluginName` (looked up on every call, so it
 * may be loaded before or after chat); the text unchanged when that plugin is absent or `null`.
 *
 * @internal
 */
export function createTextRedaction(
  optional: (name: string) => unknown,
  pluginName: string | null,
  logger: Logger,
): (contactId: string, text: string) => string {
  return (contactId, text) => {
    if (pluginName === null || text === '') return text;
    const port = optional(pluginName) as Partial<ChatTranscriptRedactor> | undefined;
    if (typeof port?.redactMessage !== 'function') return text;
    try {
      const redacted: unknown = port.redactMessage({ contactId, text }).text;
      if (typeof redacted === 'string') return redacted;
      logger.error('The transcript redactor returned no text', { contactId });
    } catch (error) {
      logger.error('The transcript redactor threw', { error, contactId });
    }
    return redactionFailedText;
  };
}
