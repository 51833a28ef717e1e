import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookListener } from '../src/node';
import { createMessagingHost, smsFromKim } from './messagingHost';

/** The inbound webhook behind a real node:http server on 127.0.0.1, called with fetch. */
describe('the webhook over HTTP', () => {
  let messaging: Awaited<ReturnType<typeof createMessagingHost>>;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    messaging = await createMessagingHost();
    server = createServer(createWebhookListener(messaging.handle, { maxBodyBytes: 4096 }));
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        resolve();
      });
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/sms`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    await messaging.host.dispose();
  });

  const post = async (request: { headers: Record<string, string>; body: string }) => {
    const response = await fetch(url, { method: 'POST', ...request });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('offers a contact for a valid delivery and refuses the rest with typed errors', async () => {
    const { host, inbox, signed, api } = messaging;
    const first = await post(await signed(smsFromKim('m1')));
    expect(first).toMatchObject({ status: 200, body: { outcome: 'opened' } });
    const contactId = (first.body as { contactId: string }).contactId;
    expect(api.getSnapshot().threads).toEqual([
      expect.objectContaining({ contactId, status: 'offered' }),
    ]);

    const now = Math.floor(host.clock.now() / 1000);
    const valid = await signed(smsFromKim('m2'));
    const refused = [
      await post({ ...valid, headers: { ...valid.headers, 'x-switchboard-signature': 'v1=00' } }),
      await post(await signed(smsFromKim('m3'), { timestamp: now - 3_600 })),
      await post(await signed('{"id":')),
    ];
    expect(refused.map((r) => [r.status, r.body.error])).toEqual([
      [401, expect.objectContaining({ code: 'WEBHOOK_SIGNATURE_INVALID' })],
      [401, expect.objectContaining({ code: 'WEBHOOK_TIMESTAMP_STALE' })],
      [400, expect.objectContaining({ code: 'WEBHOOK_PAYLOAD_INVALID' })],
    ]);
    expect((await post(valid)).status).toBe(200);
    expect(await post(valid)).toMatchObject({
      status: 401,
      body: { error: { code: 'WEBHOOK_REPLAYED' } },
    });
    // The provider retries m2 with a new delivery id: still one message.
    expect(await post(await signed(smsFromKim('m2')))).toMatchObject({
      status: 200,
      body: { outcome: 'duplicate', contactId },
    });
    expect(inbox.conversationOf(contactId)?.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(host.center.getSnapshot().contacts.size).toBe(1);
  });

  it('answers 413 for an oversized body and 405 for other methods', async () => {
    const big = await messaging.signed(smsFromKim('big', 'x'.repeat(8_000)));
    expect(await post(big)).toMatchObject({
      status: 413,
      body: { error: { code: 'WEBHOOK_TOO_LARGE' } },
    });
    const get = await fetch(url);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    await get.body?.cancel();
  });
});
