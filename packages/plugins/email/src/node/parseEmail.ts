import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type EmailAddress as ParsedAddress } from 'mailparser';
import type { EmailAddress, InboundEmailInput } from '../message';

/** Every mailbox of one or more parsed address headers, groups flattened. */
function addressesOf(header: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  const flatten = (entry: ParsedAddress): EmailAddress[] =>
    entry.group
      ? entry.group.flatMap(flatten)
      : entry.address
        ? [{ address: entry.address, ...(entry.name ? { name: entry.name } : {}) }]
        : [];
  return objects.flatMap((object) => object.value.flatMap(flatten));
}

/** Message-IDs out of a References header, in order. */
function idsOf(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return text.match(/<[^<>\s]+>/g) ?? (text.trim() ? text.trim().split(/\s+/) : []);
}

/**
 * Parses a raw RFC 5322 message (what an SMTP server or a provider's raw-MIME webhook hands over)
 * into the input of an email inbox's `receive`, with mailparser. A message without a Message-ID
 * gets one derived from its bytes, so receiving it twice is still idempotent. The result is
 * validated by `receive`, which throws `EMAIL_INVALID` for a message without a usable sender.
 *
 * @example
 * ```ts
 * inbox.receive(await parseEmail(rawBytes));
 * ```
 */
export async function parseEmail(raw: string | Uint8Array): Promise<InboundEmailInput> {
  const bytes = typeof raw === 'string' ? Buffer.from(raw) : Buffer.from(raw);
  const parsed = await simpleParser(bytes, { skipImageLinks: true, skipTextToHtml: true });
  const [from] = addressesOf(parsed.from);
  const [replyTo] = addressesOf(parsed.replyTo);
  const messageId =
    parsed.messageId ?? `${createHash('sha256').update(bytes).digest('hex')}@switchboard.invalid`;
  return {
    messageId,
    inReplyTo: parsed.inReplyTo ? (idsOf(parsed.inReplyTo)[0] ?? null) : null,
    references: idsOf(parsed.references),
    // An absent sender fails the inbox's schema, as it should.
    from: from ?? { address: '' },
    ...(replyTo ? { replyTo } : {}),
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
    ...(parsed.date ? { date: parsed.date.getTime() } : {}),
    attachments: parsed.attachments.map((attachment) => ({
      ...(attachment.filename ? { filename: attachment.filename } : {}),
      contentType: attachment.contentType,
      size: attachment.size,
    })),
  };
}
