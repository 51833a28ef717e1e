import * as z from 'zod/mini';

/** Who wrote a chat message. */
export const chatAuthors = ['customer', 'agent', 'system'] as const;

/** Validates a {@link ChatAttachment}: metadata only, the file lives wherever `url` points. */
export const chatAttachmentSchema = z.object({
  /** File name shown to the reader. */
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  /** MIME type, e.g. `image/png`. */
  type: z.string().check(z.minLength(1), z.maxLength(255)),
  /** Size in bytes. */
  size: z.int().check(z.minimum(0)),
  /** Where the file can be fetched (the host's upload service; none is bundled). */
  url: z.url(),
});
/** A file attached to a message: metadata, no bytes. */
export type ChatAttachment = z.infer<typeof chatAttachmentSchema>;

/** Validates what a sender writes: text and attachments. */
export const chatDraftSchema = z.object({
  /** A client-chosen id, unique per sender and conversation: a resend with it is not doubled. */
  clientId: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The text (may be empty when attachments are sent). */
  text: z.string().check(z.maxLength(8_000)),
  /** Up to ten attachments. */
  attachments: z._default(z.array(chatAttachmentSchema).check(z.maxLength(10)), []),
});

/** Validates what a local caller passes to `send`: text and attachments. */
export const chatSendSchema = z.object({
  /** The text. */
  text: z.string().check(z.maxLength(8_000)),
  /** Up to ten attachments. */
  attachments: z.array(chatAttachmentSchema).check(z.maxLength(10)),
});

/** Validates a {@link ChatMessage} as the gateway sends it. */
export const chatMessageSchema = z.object({
  /** Position in the conversation, 1, 2, 3, ... with no gaps: resume asks for what follows a seq. */
  seq: z.int().check(z.minimum(1)),
  /** Who wrote it. */
  from: z.enum(chatAuthors),
  /** The agent who wrote it, for agent messages. */
  agentId: z.optional(z.string()),
  /** The sender's `clientId`, so the sender can match it with what it sent. */
  clientId: z.optional(z.string()),
  /** The text. */
  text: z.string(),
  /** Attachment metadata. */
  attachments: z.array(chatAttachmentSchema),
  /** When the gateway received it (ms since epoch, from the gateway's clock). */
  at: z.number(),
});
/** One message of a conversation, as stored in the transcript. */
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** A message sent but not yet confirmed by the gateway; resent with the same `clientId` after a reconnect. */
export interface PendingChatMessage {
  /** The id the gateway will echo back. */
  readonly clientId: string;
  /** The text. */
  readonly text: string;
  /** Attachment metadata. */
  readonly attachments: readonly ChatAttachment[];
}

/** Where a conversation stands, as both sides see it. */
export const chatStatuses = ['queued', 'connected', 'ended'] as const;
/** `queued` until an agent has it, `connected` while an agent does, `ended` for good. */
export type ChatStatus = (typeof chatStatuses)[number];

/** Who wrote a message: the customer, an agent, or the gateway itself. */
export type ChatAuthor = (typeof chatAuthors)[number];

/** What a message's text becomes when its redactor throws: nothing unredacted is kept. */
export const redactionFailedText = '[redaction failed]';
