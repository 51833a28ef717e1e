import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiveResult } from '../src/createEmailInbox';
import { createSmtpTransport, parseEmail } from '../src/node';
import { createEmailHost } from './emailHost';

/** One message the local SMTP server accepted for someone other than the centre. */
interface Delivered {
  readonly rcptTo: string[];
  readonly raw: Buffer;
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server): mail to support@example.com is parsed with
 * `parseEmail` and received by the centre's inbox; mail to anyone else lands in `delivered`.
 */
function startSmtpServer(receive: (raw: Buffer) => Promise<ReceiveResult>) {
  const delivered: Delivered[] = [];
  const receipts: ReceiveResult[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === 'bounce@example.com') callback(new Error('550 No such user'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
      });
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const rcptTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        if (!rcptTo.includes('support@example.com')) {
          delivered.push({ rcptTo, raw });
          callback();
          return;
        }
        receive(raw).then(
          (receipt) => {
            receipts.push(receipt);
            callback();
          },
          (error: unknown) => {
            callback(error as Error);
          },
        );
      });
    },
  });
  const listening = new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve((server.server.address() as AddressInfo).port);
    });
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  return { delivered, receipts, listening, close };
}

describe('the email channel over a real SMTP server', () => {
  let email: Awaited<ReturnType<typeof createEmailHost>>;
  let smtp: ReturnType<typeof startSmtpServer>;
  let port: number;
  let outbound: ReturnType<typeof createSmtpTransport>;

  beforeAll(async () => {
    smtp = startSmtpServer(async (raw) => email.inbox.receive(await parseEmail(raw)));
    port = await smtp.listening;
    outbound = createSmtpTransport({ host: '127.0.0.1', port, ignoreTLS: true, timeoutMs: 10_000 });
    email = await createEmailHost(outbound);
  });

  afterAll(async () => {
    outbound.close();
    await email.host.dispose();
    await smtp.close();
  });

  /** The customer's own mail client: plain nodemailer to the same server. */
  const customerSends = async (mail: Record<string, unknown>) => {
    const client = createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
    try {
      await client.sendMail({
        from: { name: 'Kim Lee', address: 'kim@example.com' },
        to: 'support@example.com',
        ...mail,
      });
    } finally {
      client.close();
    }
  };

  it('turns a mail into a contact, sends a threaded reply and threads the answer to it', async () => {
    const { host, inbox, api } = email;
    await customerSends({
      messageId: '<order-42@mail.example.com>',
      subject: 'Where is order 42?',
      text: 'It has not arrived.',
      attachments: [{ filename: 'receipt.txt', content: 'paid 20 EUR' }],
    });
    const [opened] = smtp.receipts;
    expect(opened?.outcome).toBe('opened');
    const contactId = opened?.contactId ?? '';
    expect(host.center.getSnapshot().contacts.get(contactId)).toMatchObject({
      channel: 'email',
      status: 'offered',
      customer: { email: 'kim@example.com', name: 'Kim Lee' },
    });
    const [conversation] = api.getSnapshot().conversations;
    expect(conversation?.thread?.messages[0]).toMatchObject({
      messageId: 'order-42@mail.example.com',
      subject: 'Where is order 42?',
      text: expect.stringContaining('It has not arrived.') as string,
      attachments: [{ filename: 'receipt.txt', contentType: 'text/plain', size: 11 }],
    });

    await host.desk.accept(contactId);
    const reply = await api.reply(contactId, { text: 'It ships tomorrow.' });
    expect(smtp.delivered).toHaveLength(1);
    const wire = smtp.delivered[0] as Delivered;
    expect(wire.rcptTo).toEqual(['kim@example.com']);
    const sent = await simpleParser(wire.raw);
    expect(sent.messageId).toBe(`<${reply.messageId}>`);
    expect(sent.inReplyTo).toBe('<order-42@mail.example.com>');
    expect(sent.references).toBe('<order-42@mail.example.com>');
    expect(sent.subject).toBe('Re: Where is order 42?');
    expect(sent.from?.value).toEqual([{ address: 'support@example.com', name: 'Support' }]);
    expect(sent.text?.trim()).toBe('It ships tomorrow.');

    // The customer's client answers the reply, with the headers a client writes.
    await customerSends({
      messageId: '<order-42-thanks@mail.example.com>',
      subject: 'Re: Re: Where is order 42?',
      inReplyTo: sent.messageId,
      references: ['<order-42@mail.example.com>', sent.messageId],
      text: 'Thanks!',
    });
    expect(smtp.receipts[1]).toMatchObject({ outcome: 'joined', contactId });
    expect(inbox.threadOf(contactId)?.messages.map((message) => message.direction)).toEqual([
      'inbound',
      'outbound',
      'inbound',
    ]);

    // The same message delivered again (a retry upstream) adds nothing.
    await customerSends({
      messageId: '<order-42-thanks@mail.example.com>',
      subject: 'Re: Re: Where is order 42?',
      inReplyTo: sent.messageId,
      text: 'Thanks!',
    });
    expect(smtp.receipts[2]).toMatchObject({ outcome: 'duplicate', contactId });
    expect(inbox.threadOf(contactId)?.messages).toHaveLength(3);
    expect(host.events.of('contact.offered')).toHaveLength(1);
    expect(host.failures()).toEqual([]);
  });

  it('reports a refused recipient or an unreachable server as EMAIL_SEND_FAILED', async () => {
    const refused = createSmtpTransport({ host: '127.0.0.1', port, ignoreTLS: true });
    const message = {
      messageId: 'x@example.com',
      from: { address: 'support@example.com' },
      to: [{ address: 'bounce@example.com' }],
      cc: [],
      subject: 'Re: hi',
      inReplyTo: null,
      references: [],
      text: 'hello',
      date: 0,
    };
    await expect(refused.send(message)).rejects.toMatchObject({ code: 'EMAIL_SEND_FAILED' });
    refused.close();
    await smtp.close();
    const down = createSmtpTransport({
      host: '127.0.0.1',
      port,
      ignoreTLS: true,
      timeoutMs: 5_000,
    });
    await expect(
      down.send({ ...message, to: [{ address: 'kim@example.com' }] }),
    ).rejects.toMatchObject({
      code: 'EMAIL_SEND_FAILED',
      details: { host: '127.0.0.1', port },
    });
    down.close();
    expect(() => createSmtpTransport({ host: '', port: 0 })).toThrow(
      expect.objectContaining({ code: 'EMAIL_INVALID' }),
    );
  });
});
