import type { EmailAddress, EmailMessage, OutboundEmail } from './message';

/** References kept on a reply: the thread's root and the latest ones (RFC 5322 allows trimming). */
const maxReferences = 20;

const replyPrefix = /^\s*(re|aw|sv|antw)\s*(\[\d+\])?\s*:\s*/i;

/** The subject of a reply: `Re: ` once before the original subject without its reply prefixes. */
export function replySubject(subject: string): string {
  let base = subject.trim();
  while (replyPrefix.test(base)) base = base.replace(replyPrefix, '');
  return `Re: ${base}`;
}

/**
 * The ids a message points back to, nearest first: In-Reply-To, then References from the newest.
 * An inbox looks them up in this order to find the thread the message belongs to.
 */
export function parentIds(message: Pick<EmailMessage, 'inReplyTo' | 'references'>): string[] {
  const ids = message.inReplyTo ? [message.inReplyTo] : [];
  for (let index = message.references.length - 1; index >= 0; index -= 1) {
    const id = message.references[index];
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The References of a reply to `parent`: the parent's References (or its In-Reply-To when it
 * has none), then the parent's own id; duplicates dropped, trimmed to the root and the newest.
 */
export function replyReferences(
  parent: Pick<EmailMessage, 'messageId' | 'inReplyTo' | 'references'>,
): string[] {
  const chain = parent.references.length > 0 ? [...parent.references] : [];
  if (chain.length === 0 && parent.inReplyTo) chain.push(parent.inReplyTo);
  chain.push(parent.messageId);
  const unique = chain.filter((id, index) => chain.indexOf(id) === index);
  if (unique.length <= maxReferences) return unique;
  return [unique[0] as string, ...unique.slice(unique.length - maxReferences + 1)];
}

/** What {@link composeReply} needs beside the thread and the draft. */
export interface ReplyEnvelope {
  /** The centre's mailbox the reply comes from. */
  readonly from: EmailAddress;
  /** The new message's id, without angle brackets. */
  readonly messageId: string;
  /** The Date of the reply (ms since epoch). */
  readonly date: number;
}

/**
 * The reply to the newest inbound message of `messages`: addressed to its Reply-To (or sender),
 * `Re:` subject, In-Reply-To that message and References down the thread.
 *
 * @returns `undefined` when the thread has no inbound message to answer.
 */
export function composeReply(
  messages: readonly EmailMessage[],
  draft: { readonly text: string; readonly html?: string; readonly cc?: readonly EmailAddress[] },
  envelope: ReplyEnvelope,
): OutboundEmail | undefined {
  const parent = lastInbound(messages);
  if (!parent) return undefined;
  return {
    messageId: envelope.messageId,
    from: envelope.from,
    to: [parent.replyTo],
    cc: draft.cc ?? [],
    subject: replySubject(parent.subject),
    inReplyTo: parent.messageId,
    references: replyReferences(parent),
    text: draft.text,
    ...(draft.html === undefined ? {} : { html: draft.html }),
    date: envelope.date,
  };
}

/** The newest message the customer sent. */
function lastInbound(messages: readonly EmailMessage[]): EmailMessage | undefined {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.direction === 'inbound') return message;
  }
  return undefined;
}

/** A new Message-ID (without brackets) on `domain`, unique by `crypto.randomUUID`. */
export function createMessageId(domain: string): string {
  return `${globalThis.crypto.randomUUID()}@${domain}`;
}
