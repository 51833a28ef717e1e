import * as z from 'zod/mini';

/** Validates an {@link EmailAddress}. */
export const emailAddressSchema = z.object({
  /** The address, `name@example.com`. */
  address: z.string().check(z.email()),
  /** The display name, when the message gave one. */
  name: z.optional(z.string()),
});
/** One mailbox: an address and an optional display name. */
export type EmailAddress = z.infer<typeof emailAddressSchema>;

/** Validates an {@link EmailAttachment}'s metadata (the content stays with the mail store). */
export const emailAttachmentSchema = z.object({
  /** The file name, when given. */
  filename: z.optional(z.string()),
  /** The MIME type, e.g. `application/pdf`. */
  contentType: z.string(),
  /** Size in bytes. */
  size: z.int().check(z.minimum(0)),
});
/** Metadata of one attachment; the bytes are not carried. */
export type EmailAttachment = z.infer<typeof emailAttachmentSchema>;

/** A Message-ID with or without its angle brackets; stored without them. */
const messageIdSchema = z.pipe(
  z.string(),
  z.transform((id) => id.trim().replace(/^<|>$/g, '')),
);

/**
 * Validates an {@link InboundEmailInput}: a parsed inbound message as an inbox receives it (from
 * `parseEmail` in `@switchboard/plugin-email/node`, or a provider's inbound webhook).
 */
export const inboundEmailSchema = z.object({
  /** The Message-ID header, with or without `<>`; the key that makes receiving idempotent. */
  messageId: messageIdSchema.check(z.minLength(1)),
  /** The In-Reply-To header: the message this one answers. */
  inReplyTo: z._default(z.nullable(messageIdSchema), null),
  /** The References header, oldest first. */
  references: z._default(z.array(messageIdSchema), []),
  /** The sender. */
  from: emailAddressSchema,
  /** The Reply-To address, when it differs from the sender. */
  replyTo: z.optional(emailAddressSchema),
  /** The recipients. */
  to: z._default(z.array(emailAddressSchema), []),
  /** Copied recipients. */
  cc: z._default(z.array(emailAddressSchema), []),
  /** The subject. */
  subject: z._default(z.string(), ''),
  /** The plain-text body. */
  text: z._default(z.string(), ''),
  /** The HTML body, when there is one. */
  html: z.optional(z.string()),
  /** When it was sent (ms since epoch); the inbox's clock when absent. */
  date: z.optional(z.number()),
  /** Attachment metadata. */
  attachments: z._default(z.array(emailAttachmentSchema), []),
});
/** A parsed inbound message as given to an inbox (defaults not yet applied). */
export type InboundEmailInput = z.input<typeof inboundEmailSchema>;

/** One message of a thread, inbound or sent by an agent. */
export interface EmailMessage {
  /** Whether the customer sent it (`inbound`) or an agent did (`outbound`). */
  readonly direction: 'inbound' | 'outbound';
  /** The Message-ID, without angle brackets. */
  readonly messageId: string;
  /** The message it answers, without angle brackets. */
  readonly inReplyTo: string | null;
  /** The References chain, oldest first, without angle brackets. */
  readonly references: readonly string[];
  /** The sender. */
  readonly from: EmailAddress;
  /** Where replies go: Reply-To when given, else the sender. */
  readonly replyTo: EmailAddress;
  /** The recipients. */
  readonly to: readonly EmailAddress[];
  /** Copied recipients. */
  readonly cc: readonly EmailAddress[];
  /** The subject. */
  readonly subject: string;
  /** The plain-text body. */
  readonly text: string;
  /** The HTML body, if any. */
  readonly html?: string;
  /** When it was sent or received (ms since epoch). */
  readonly date: number;
  /** Attachment metadata. */
  readonly attachments: readonly EmailAttachment[];
  /** The agent who sent it (outbound only). */
  readonly agentId?: string;
}

/** Validates a {@link ReplyDraft}. */
export const replyDraftSchema = z.object({
  /** The plain-text body. */
  text: z.string().check(z.minLength(1)),
  /** An HTML body to send alongside. */
  html: z.optional(z.string()),
  /** Extra copied recipients. */
  cc: z.optional(z.array(emailAddressSchema)),
});
/** What an agent writes: the body of a reply; headers come from the thread. */
export type ReplyDraft = z.input<typeof replyDraftSchema>;

/** A message ready for the wire, as an {@link EmailTransport} receives it. */
export interface OutboundEmail {
  /** The Message-ID to send, without angle brackets. */
  readonly messageId: string;
  /** The sender (the centre's mailbox). */
  readonly from: EmailAddress;
  /** The recipients. */
  readonly to: readonly EmailAddress[];
  /** Copied recipients. */
  readonly cc: readonly EmailAddress[];
  /** The subject (`Re: ...`). */
  readonly subject: string;
  /** The message it answers, without angle brackets. */
  readonly inReplyTo: string | null;
  /** The References chain, oldest first, without angle brackets. */
  readonly references: readonly string[];
  /** The plain-text body. */
  readonly text: string;
  /** The HTML body, if any. */
  readonly html?: string;
  /** The Date header (ms since epoch). */
  readonly date: number;
}

/** The outbound port: hands a message to a mail server or provider. */
export interface EmailTransport {
  /** Sends `message`; rejects when it was not accepted. */
  send(message: OutboundEmail): Promise<SendReceipt>;
}

/** What a transport reports about a message it handed over. */
export interface SendReceipt {
  /** Recipients the server accepted. */
  readonly accepted: readonly string[];
  /** Recipients the server refused. */
  readonly rejected: readonly string[];
}
