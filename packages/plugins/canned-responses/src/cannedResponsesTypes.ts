import type { ReplyItem } from './responseSchema';

/** A reply with its variables filled, ready to send or to edit. */
export interface RenderedReply {
  /** The saved reply or macro. */
  readonly responseId: string;
  /** The text; variables without a value are left as written. */
  readonly text: string;
  /** The subject line (email), filled the same way. */
  readonly subject: string | undefined;
  /** The variables that had no value: `send` refuses while any is left. */
  readonly missing: readonly string[];
}

/** What the plugin offers the host: `desk.plugin('cannedResponses')`. */
export interface CannedResponsesApi {
  /** Every saved reply and macro. */
  items(): readonly ReplyItem[];
  /** The ones a contact the agent holds may use (its queue and channel). */
  available(contactId: string): ReplyItem[];
  /** Ranked search, case- and diacritic-insensitive; within `available(contactId)` when given. */
  search(query: string, contactId?: string): ReplyItem[];
  /** Fills a reply for a contact from its customer, the contact, the agent and `extra`. */
  render(contactId: string, responseId: string, extra?: Record<string, unknown>): RenderedReply;
  /**
   * Renders and sends through the configured sender. Refuses (`VALIDATION_FAILED`) while a
   * variable is missing, and (`NOT_FOUND`) without a sender.
   */
  send(
    contactId: string,
    responseId: string,
    extra?: Record<string, unknown>,
  ): Promise<RenderedReply>;
}

/** Payload of `cannedResponses.sent`. */
export interface CannedResponseSent {
  /** The contact. */
  readonly contactId: string;
  /** The saved reply or macro. */
  readonly responseId: string;
  /** The channel it went out on. */
  readonly channel: string;
  /** When (ms since epoch). */
  readonly at: number;
}

declare module '@switchboard/core' {
  interface PluginApis {
    /** `@switchboard/plugin-canned-responses`. */
    cannedResponses: CannedResponsesApi;
  }
  interface SwitchboardEvents {
    /** The agent sent a saved reply. */
    'cannedResponses.sent': CannedResponseSent;
  }
}
