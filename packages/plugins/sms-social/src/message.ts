import * as z from 'zod/mini';

/** Validates a {@link MediaItem}. */
export const mediaItemSchema = z.object({
  /** Where the provider keeps it. */
  url: z.url(),
  /** Its MIME type, e.g. `image/jpeg`. */
  contentType: z.string().check(z.minLength(1)),
});
/** An attachment a message links to (the bytes stay with the provider). */
export type MediaItem = z.infer<typeof mediaItemSchema>;

/**
 * Validates an {@link InboundMessageInput}: the JSON body of an inbound webhook, provider-neutral
 * (a provider's own payload is mapped to it by a small adapter, or sent as is by a relay).
 */
export const inboundMessageSchema = z.object({
  /** The provider's id of the message: receiving it twice adds it once. */
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  /** `sms`, or `social` for messaging apps and social networks. */
  channel: z.enum(['sms', 'social']),
  /** The network, e.g. `whatsapp`, `messenger`, `instagram`; `sms` for SMS. */
  network: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,40}$/))),
  /** The sender: a phone number for SMS (any common format), a handle or id otherwise. */
  from: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The centre's number or account it was sent to. */
  to: z.optional(z.string().check(z.maxLength(200))),
  /** The sender's display name, when the network gives one. */
  name: z.optional(z.string().check(z.maxLength(200))),
  /** The text. */
  text: z._default(z.string().check(z.maxLength(20_000)), ''),
  /** When the customer sent it (ms since epoch); the receiving clock when absent. */
  sentAt: z.optional(z.number()),
  /** Attachments. */
  media: z._default(z.array(mediaItemSchema).check(z.maxLength(20)), []),
});
/** An inbound message as a webhook body or a caller gives it (defaults not yet applied). */
export type InboundMessageInput = z.input<typeof inboundMessageSchema>;
/** An inbound message after validation (defaults applied, `from` normalised). */
export type InboundMessage = z.output<typeof inboundMessageSchema>;

/** One message of a conversation, either way. */
export interface ConversationMessage {
  /** `inbound` from the customer, `outbound` from an agent. */
  readonly direction: 'inbound' | 'outbound';
  /** The provider's id. */
  readonly id: string;
  /** The text. */
  readonly text: string;
  /** Attachments. */
  readonly media: readonly MediaItem[];
  /** When it was sent (ms since epoch). */
  readonly at: number;
  /** The agent who sent it (outbound only). */
  readonly agentId?: string;
}

/** Validates a {@link MessageDraft}. */
export const messageDraftSchema = z.object({
  /** The text to send. */
  text: z.string().check(z.minLength(1), z.maxLength(20_000)),
  /** Attachments to link. */
  media: z.optional(z.array(mediaItemSchema)),
});
/** What an agent writes. */
export type MessageDraft = z.input<typeof messageDraftSchema>;

/** A message ready for the provider, as a {@link MessageSender} receives it. */
export interface OutboundMessage {
  /** `sms` or `social`. */
  readonly channel: 'sms' | 'social';
  /** The network to send on. */
  readonly network: string;
  /** The customer: an E.164 number for SMS, the handle otherwise. */
  readonly to: string;
  /** The centre's number or account the customer wrote to, when known. */
  readonly from?: string;
  /** The text. */
  readonly text: string;
  /** Attachments. */
  readonly media: readonly MediaItem[];
  /** The conversation it belongs to. */
  readonly conversationId: string;
}

/** What a provider answers for a message it accepted. */
export interface SendResult {
  /** The provider's id of the message. */
  readonly id: string;
}

/** The outbound port: hands a message to an SMS or social provider. */
export interface MessageSender {
  /** Sends `message` and resolves with the provider's id for it; rejects when refused. */
  send(message: OutboundMessage): Promise<SendResult>;
}
