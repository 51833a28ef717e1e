import { describe, expect, it } from 'vitest';
import { createMessagingHost, smsFromKim } from '../test/messagingHost';
import { createWebhookHandler } from './createWebhookHandler';

const bodyOf = (response: { body: string }) => JSON.parse(response.body) as Record<string, unknown>;
const errorCode = (response: { body: string }) => (bodyOf(response).error as { code: string }).code;

describe('createWebhookHandler', () => {
  it('opens an sms contact with the sender in E.164 and joins the next messages to it', async () => {
    const { host, inbox, handle, signed } = await createMessagingHost();
    const first = await handle(await signed(smsFromKim('m1')));
    expect(first.status).toBe(200);
    const receipt = bodyOf(first);
    expect(receipt).toMatchObject({ outcome: 'opened', conversationId: 'sms:sms:+33612345678' });
    const contactId = receipt.contactId as string;
    expect(host.center.getSnapshot().contacts.get(contactId)).toMatchObject({
      channel: 'sms',
      status: 'offered',
      agentId: 'agent-1',
      customer: { phone: '+33612345678' },
      attributes: { conversationId: 'sms:sms:+33612345678', network: 'sms' },
    });
    const next = bodyOf(
      await handle(await signed({ ...smsFromKim('m2'), from: '+33 6 12 34 56 78' })),
    );
    expect(next).toMatchObject({ outcome: 'joined', contactId });
    expect(inbox.conversationOf(contactId)?.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(host.events.of('contact.offered')).toHaveLength(1);
    await host.dispose();
  });

  it('keeps one message when a provider delivers the same message twice', async () => {
    const { host, inbox, handle, signed } = await createMessagingHost();
    const first = bodyOf(await handle(await signed(smsFromKim('m1'))));
    const retry = await handle(await signed(smsFromKim('m1')));
    expect(retry.status).toBe(200);
    expect(bodyOf(retry)).toMatchObject({ outcome: 'duplicate', contactId: first.contactId });
    expect(inbox.conversationOf(first.contactId as string)?.messages).toHaveLength(1);
    await host.dispose();
  });

  it('opens social contacts per network and handle, and follow-ups after completion', async () => {
    const { host, handle, signed } = await createMessagingHost();
    const dm = {
      id: 'w1',
      channel: 'social' as const,
      network: 'whatsapp',
      from: 'kim.lee',
      name: 'Kim',
      text: 'Hi',
    };
    const opened = bodyOf(await handle(await signed(dm)));
    expect(host.center.getSnapshot().contacts.get(opened.contactId as string)).toMatchObject({
      channel: 'social',
      customer: { name: 'Kim', attributes: { handle: 'kim.lee', network: 'whatsapp' } },
    });
    const other = bodyOf(await handle(await signed({ ...dm, id: 'x1', network: 'messenger' })));
    expect(other.contactId).not.toBe(opened.contactId);

    const contactId = opened.contactId as string;
    await host.desk.accept(contactId);
    await host.desk.wrapUp(contactId);
    await host.desk.complete(contactId);
    const later = bodyOf(await handle(await signed({ ...dm, id: 'w2' })));
    expect(later).toMatchObject({ outcome: 'reopened', conversationId: 'social:whatsapp:kim.lee' });
    expect(
      host.center.getSnapshot().contacts.get(later.contactId as string)?.attributes,
    ).toMatchObject({
      followUpOf: contactId,
    });
    await host.dispose();
  });

  it('refuses bad signatures, stale timestamps and replays with 401, creating nothing', async () => {
    const { host, inbox, handle, signed } = await createMessagingHost();
    const now = Math.floor(host.clock.now() / 1000);
    const cases = [
      [
        await signed(smsFromKim('a'), { secret: 'not-the-secret-at-all-0000' }),
        'WEBHOOK_SIGNATURE_INVALID',
      ],
      [{ headers: {}, body: JSON.stringify(smsFromKim('b')) }, 'WEBHOOK_SIGNATURE_INVALID'],
      [await signed(smsFromKim('c'), { timestamp: now - 301 }), 'WEBHOOK_TIMESTAMP_STALE'],
      [await signed(smsFromKim('d'), { timestamp: now + 301 }), 'WEBHOOK_TIMESTAMP_STALE'],
    ] as const;
    for (const [request, code] of cases) {
      const response = await handle(request);
      expect([response.status, errorCode(response)]).toEqual([401, code]);
    }
    // A body changed after signing.
    const tampered = await signed(smsFromKim('e'));
    const changed = await handle({ ...tampered, body: tampered.body.replace('parcel', 'refund') });
    expect(errorCode(changed)).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(host.center.getSnapshot().contacts.size).toBe(0);

    const delivery = await signed(smsFromKim('f'));
    expect((await handle(delivery)).status).toBe(200);
    const replayed = await handle(delivery);
    expect([replayed.status, errorCode(replayed)]).toEqual([401, 'WEBHOOK_REPLAYED']);
    // Two copies at once: one gets in, the other is a replay.
    const twin = await signed(smsFromKim('g'));
    const statuses = (await Promise.all([handle(twin), handle(twin)])).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 401]);
    // Past the window the delivery id is forgotten, and its timestamp is stale anyway.
    host.advance(301_000);
    expect(errorCode(await handle(delivery))).toBe('WEBHOOK_TIMESTAMP_STALE');
    expect([...inbox.getSnapshot().conversations.values()][0]?.messages).toHaveLength(2);
    await host.dispose();
  });

  it('refuses malformed bodies with 400 and the issues, creating nothing', async () => {
    const { host, inbox, handle, signed } = await createMessagingHost();
    const bodies = [
      'not json',
      '{"id":"m1"}',
      JSON.stringify({ ...smsFromKim('m1'), from: 'call me' }),
      JSON.stringify({ ...smsFromKim('m1'), channel: 'fax' }),
      JSON.stringify({ ...smsFromKim('m1'), media: [{ url: 'nope', contentType: 'image/png' }] }),
    ];
    for (const body of bodies) {
      const response = await handle(await signed(body));
      expect([response.status, errorCode(response)]).toEqual([400, 'WEBHOOK_PAYLOAD_INVALID']);
    }
    const bad = bodyOf(
      await handle(await signed(JSON.stringify({ ...smsFromKim('m1'), from: '12' }))),
    );
    expect(bad.error).toMatchObject({ issues: [{ path: ['from'] }] });
    // A direct caller (a simulator, a relay) gets the schema's verdict as MESSAGING_INVALID.
    expect(() => inbox.receive({ ...smsFromKim('m1'), id: '' })).toThrow(
      expect.objectContaining({ code: 'MESSAGING_INVALID' }),
    );
    expect(host.center.getSnapshot().contacts.size).toBe(0);
    expect(inbox.getSnapshot().conversations.size).toBe(0);
    await host.dispose();
  });

  it('answers 500 without details when the centre fails, and accepts the retry of that delivery', async () => {
    const { host, signed, inbox } = await createMessagingHost();
    let failing = true;
    const flaky = createWebhookHandler({
      secrets: ['a-test-secret-of-32-characters!!'],
      inbox: {
        receive: (message) => {
          if (failing) throw new TypeError('centre down');
          return inbox.receive(message);
        },
      },
      clock: host.clock,
    });
    const delivery = await signed({ ...smsFromKim('m1'), from: '+33612345678' });
    const failed = await flaky(delivery);
    expect([failed.status, errorCode(failed)]).toEqual([500, 'INTERNAL']);
    failing = false;
    expect((await flaky(delivery)).status).toBe(200);
    expect(() => createWebhookHandler({ secrets: ['short'], inbox })).toThrow(
      expect.objectContaining({ code: 'MESSAGING_INVALID' }),
    );
    await host.dispose();
  });
});
