import { createTransport } from 'nodemailer';
import * as z from 'zod/mini';
import { EmailError } from '../emailError';
import type { EmailTransport, OutboundEmail, SendReceipt } from '../message';
import { parseEmailInput } from '../parse';

/** Validates {@link SmtpTransportOptions}. */
export const smtpTransportOptionsSchema = z.object({
  /** The SMTP server's host name or address. */
  host: z.string().check(z.minLength(1)),
  /** Its port (587 submission, 465 implicit TLS, 25 relay). */
  port: z.int().check(z.minimum(1), z.maximum(65_535)),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: z._default(z.boolean(), false),
  /** Refuse to send unless the server upgrades to TLS with STARTTLS. */
  requireTLS: z._default(z.boolean(), false),
  /** Never upgrade to TLS (local test servers only). */
  ignoreTLS: z._default(z.boolean(), false),
  /** Credentials; the host supplies them, the SDK never stores them. */
  auth: z.optional(
    z.object({
      /** The user name. */
      user: z.string(),
      /** The password or app token. */
      pass: z.string(),
    }),
  ),
  /** How long to wait for the connection and for each answer, in ms. Default 30 s. */
  timeoutMs: z._default(z.int().check(z.positive()), 30_000),
});
/** Options of {@link createSmtpTransport}: where and how to submit mail. */
export type SmtpTransportOptions = z.input<typeof smtpTransportOptionsSchema>;

/** An {@link EmailTransport} over SMTP that can be closed. */
export interface SmtpTransport extends EmailTransport {
  /** Closes pooled connections. */
  close(): void;
}

const bracket = (id: string) => `<${id}>`;
const addressText = (entry: string | { address: string }) =>
  typeof entry === 'string' ? entry : entry.address;

/**
 * An {@link EmailTransport} that submits replies to an SMTP server with nodemailer: Message-ID,
 * In-Reply-To and References are written as given, so the customer's client threads the reply.
 *
 * @example
 * ```ts
 * const transport = createSmtpTransport({ host: 'smtp.example.com', port: 587, auth: { user, pass } });
 * ```
 * @throws {@link EmailError} `EMAIL_INVALID` for bad options; `send` rejects with
 * `EMAIL_SEND_FAILED` when the server refuses the message or cannot be reached.
 */
export function createSmtpTransport(options: SmtpTransportOptions): SmtpTransport {
  const parsed = parseEmailInput(smtpTransportOptionsSchema, options, 'SMTP transport options');
  const { timeoutMs, ...server } = parsed;
  const mailer = createTransport({
    ...server,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(message: OutboundEmail): Promise<SendReceipt> {
      try {
        const info = await mailer.sendMail({
          messageId: bracket(message.messageId),
          from: message.from,
          to: [...message.to],
          cc: [...message.cc],
          subject: message.subject,
          ...(message.inReplyTo ? { inReplyTo: bracket(message.inReplyTo) } : {}),
          ...(message.references.length > 0 ? { references: message.references.map(bracket) } : {}),
          text: message.text,
          ...(message.html === undefined ? {} : { html: message.html }),
          date: new Date(message.date),
        });
        return {
          accepted: info.accepted.map(addressText),
          rejected: info.rejected.map(addressText),
        };
      } catch (cause) {
        throw new EmailError('EMAIL_SEND_FAILED', undefined, {
          details: { messageId: message.messageId, host: parsed.host, port: parsed.port },
          cause,
        });
      }
    },
    close() {
      mailer.close();
    },
  };
}
