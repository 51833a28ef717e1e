import { createContactCenter, createDesk } from '@switchboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWindow } from './testing';
import { defineBridgePlugin, type BridgeApi } from './index';
import { acceptBridge } from './peer';

// Node unit tests on stand-in windows (`@switchboard/bridge/testing`); test/browser.test.ts runs the same
// bridge between real pages of different origins in Chromium.

const deskOrigin = 'http://desk.test';
const crmOrigin = 'http://crm.test';
const disposers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0).reverse()) await dispose();
});

async function setup(permissions: ('contact:read' | 'contact:write' | 'agent:read')[]) {
  const deskWindow = createTestWindow(deskOrigin);
  const crmWindow = createTestWindow(crmOrigin);
  const center = createContactCenter({ queues: [{ id: 'q', name: 'Q' }] });
  const crm = defineBridgePlugin({
    name: 'crm-page',
    version: '1.0.0',
    origin: crmOrigin,
    peer: () => crmWindow.from(deskWindow),
    permissions,
    retryMs: 20,
  });
  const peer = acceptBridge({
    allowedOrigins: [deskOrigin],
    bridge: 'crm-page',
    target: crmWindow,
  });
  const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, center, plugins: [crm] });
  disposers.push(() => desk.dispose());
  await desk.ready;
  const side = await peer;
  disposers.push(() => {
    side.close();
  });
  return { center, desk, side, crmWindow, deskWindow };
}

describe('the bridge between a desk and its peer window', () => {
  it('pops the screen, dials from the peer and reports the disposition back', async () => {
    const { center, desk, side } = await setup(['contact:read', 'contact:write']);
    await expect.poll(() => (desk.plugin('crm-page') as BridgeApi).status()).toBe('connected');
    const offered: unknown[] = [];
    const completed: unknown[] = [];
    await side.on('contact.offered', (payload) => offered.push(payload));
    await side.on('contact.completed', (payload) => completed.push(payload));
    await desk.login();
    const chat = center.openContact({
      channel: 'chat',
      queueId: 'q',
      customer: { name: 'Kim', attributes: {} },
    });
    await expect.poll(() => offered.length).toBe(1);
    expect(offered[0]).toMatchObject({ contactId: chat.id, state: { customer: { name: 'Kim' } } });
    await desk.accept(chat.id);
    await desk.wrapUp(chat.id);
    await desk.complete(chat.id, { disposition: 'resolved' });
    await expect.poll(() => completed.length).toBe(1);
    expect(completed[0]).toMatchObject({ contactId: chat.id, disposition: 'resolved' });

    const dialled = (await side.invoke('contact.dial', {
      channel: 'voice',
      customer: { phone: '+15551234567', attributes: {} },
    })) as { direction: string; agentId: string };
    expect(dialled).toMatchObject({ direction: 'outbound', agentId: 'ada' });
  });

  it('enforces the permissions on the desk side', async () => {
    const { desk, side } = await setup(['contact:read']);
    await desk.login();
    await expect(
      side.invoke('contact.dial', { channel: 'voice', customer: { attributes: {} } }),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(side.on('agent.statusChanged', () => undefined)).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    await expect(side.invoke('agent.logout', {})).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    expect(desk.getSnapshot().agent.presence.status).toBe('available');
  });

  it('refuses handshakes from other origins, windows and bridges', async () => {
    const crmWindow = createTestWindow(crmOrigin);
    const hostile = createTestWindow('http://desk.test.evil.example');
    const refused: string[] = [];
    const accepting = acceptBridge({
      allowedOrigins: [deskOrigin],
      bridge: 'crm-page',
      target: crmWindow,
      onRefused: (reason, origin) => refused.push(`${reason} ${origin}`),
      timeoutMs: 500,
    });
    const center = createContactCenter();
    const forged = defineBridgePlugin({
      name: 'crm-page',
      version: '1.0.0',
      origin: crmOrigin,
      peer: () => crmWindow.from(hostile),
      permissions: ['contact:read'],
      retryMs: 50,
      connectTimeoutMs: 200,
    });
    const desk = createDesk({
      agent: { id: 'eve', name: 'Eve' },
      center,
      plugins: [forged],
    });
    disposers.push(() => desk.dispose());
    await desk.ready;
    await expect(accepting).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused)).toEqual(new Set(['origin http://desk.test.evil.example']));
  });

  it('never posts the handshake to an origin other than the configured one', () => {
    expect(() =>
      defineBridgePlugin({
        name: 'crm-page',
        version: '1.0.0',
        origin: '*',
        peer: () => undefined,
        permissions: [],
      }),
    ).toThrow();
  });

  it('drops frames with a bad signature or a replayed sequence', async () => {
    const channel = new MessageChannel();
    const { createSignedChannel } = await import('./signedChannel');
    const { createSessionKey, createSigner } = await import('./signing');
    const { peerRequestSchema } = await import('./messages');
    const drops: string[] = [];
    const received: unknown[] = [];
    const signer = createSigner(createSessionKey());
    const end = createSignedChannel(channel.port1, signer, peerRequestSchema, (reason) =>
      drops.push(reason),
    );
    end.onMessage((message) => received.push(message));
    const body = { type: 'subscribe', event: 'contact.offered' };
    const sig = await signer.sign(1, body);
    channel.port2.postMessage({ seq: 1, body, sig });
    channel.port2.postMessage({ seq: 1, body, sig });
    channel.port2.postMessage({ seq: 2, body, sig });
    channel.port2.postMessage({
      seq: 3,
      body: { type: 'nonsense' },
      sig: await signer.sign(3, { type: 'nonsense' }),
    });
    channel.port2.postMessage('not a frame');
    const forger = createSigner(createSessionKey());
    channel.port2.postMessage({ seq: 4, body, sig: await forger.sign(4, body) });
    await expect.poll(() => drops.length).toBe(5);
    expect(drops).toEqual(['replayed', 'badSignature', 'invalid', 'malformed', 'badSignature']);
    expect(received).toEqual([body]);
    channel.port1.close();
  });
});
