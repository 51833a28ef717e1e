import { createCallingPolicy } from '@switchboard/core/privacy';
import { createTestHost, type TestHost } from '@switchboard/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { autoAnswer, type CallbackCall } from '../src/index';

let host: TestHost | undefined;
afterEach(async () => {
  await host?.dispose();
  host = undefined;
});

describe('auto-answer', () => {
  it('accepts chat offers at once', async () => {
    host = await createTestHost({
      plugins: [{ plugin: autoAnswer, config: { channels: [{ channel: 'chat' }] } }],
    });
    const chat = host.offer({ channel: 'chat' });
    await host.flush();
    expect(host.center.getSnapshot().contacts.get(chat.id)?.status).toBe('connected');
    expect(host.events.of('autoAnswer.accepted')).toEqual([
      { contactId: chat.id, channel: 'chat', afterMs: 0 },
    ]);
    expect(host.events.of('autoAnswer.whisperTone')).toEqual([]);
  });

  it('accepts voice offers after the delay, with a whisper tone first', async () => {
    host = await createTestHost({
      plugins: [
        { plugin: autoAnswer, config: { channels: [{ channel: 'voice', delayMs: 2_000 }] } },
      ],
    });
    const call = host.offer({ channel: 'voice' });
    const start = host.clock.now();
    expect(host.events.of('autoAnswer.whisperTone')).toEqual([
      { contactId: call.id, acceptAt: start + 2_000 },
    ]);
    expect(host.plugin('autoAnswer').getSnapshot().pending).toEqual([
      { contactId: call.id, channel: 'voice', acceptAt: start + 2_000 },
    ]);
    host.advance(1_999);
    await host.flush();
    expect(host.center.getSnapshot().contacts.get(call.id)?.status).toBe('offered');
    host.advance(1);
    await host.flush();
    expect(host.center.getSnapshot().contacts.get(call.id)?.status).toBe('accepted');
    expect(host.events.of('autoAnswer.accepted')).toEqual([
      { contactId: call.id, channel: 'voice', afterMs: 2_000 },
    ]);
    expect(host.plugin('autoAnswer').getSnapshot().pending).toEqual([]);
  });

  it('leaves other channels alone and stops when switched off', async () => {
    host = await createTestHost({
      plugins: [
        { plugin: autoAnswer, config: { channels: [{ channel: 'chat', delayMs: 1_000 }] } },
      ],
    });
    const email = host.offer({ channel: 'email' });
    const chat = host.offer({ channel: 'chat' });
    host.plugin('autoAnswer').setEnabled(false);
    host.advance(1_000);
    await host.flush();
    const contacts = host.center.getSnapshot().contacts;
    expect(contacts.get(email.id)?.status).toBe('offered');
    expect(contacts.get(chat.id)?.status).toBe('offered');
    expect(host.plugin('autoAnswer').getSnapshot()).toMatchObject({ enabled: false, pending: [] });
  });

  it('a throwing listener of its events and a refused accept never take the desk down', async () => {
    host = await createTestHost({
      plugins: [{ plugin: autoAnswer, config: { channels: [{ channel: 'chat', delayMs: 500 }] } }],
    });
    host.desk.events.on('autoAnswer.accepted', () => {
      throw new Error('host bug');
    });
    host.plugin('autoAnswer').subscribe(() => {
      throw new Error('UI bug');
    });
    const declined = host.offer({ channel: 'chat' });
    await host.desk.reject(declined.id); // gone before the delay: nothing to accept
    const chat = host.offer({ channel: 'chat' });
    host.advance(500);
    await host.flush();
    expect(host.center.getSnapshot().contacts.get(chat.id)?.status).toBe('connected');
    expect(host.desk.getSnapshot().agent.presence.status).toBe('available');
  });
});

/**
 * The centre port, bound once the test host has made its (real, embedded) centre: a host app
 * has its centre before its desks, the test host makes both at once.
 */
function lateCentre() {
  type Center = TestHost['center'];
  let bound: Center | undefined;
  const early: (() => void)[] = [];
  const center = (): Center => {
    if (!bound) throw new TypeError('centre not bound yet');
    return bound;
  };
  const on = ((...args: Parameters<Center['events']['on']>) => {
    if (bound) return bound.events.on(...args);
    let off: () => void = () => undefined;
    early.push(() => (off = center().events.on(...args)));
    return () => {
      off();
    };
  }) as Center['events']['on'];
  return {
    port: {
      getSnapshot: () => center().getSnapshot(),
      contactCommand: (...args: Parameters<Center['contactCommand']>) =>
        center().contactCommand(...args),
      events: { on },
    },
    bind: (value: Center) => {
      bound = value;
      for (const subscribe of early) subscribe();
    },
  };
}

describe('callbacks', () => {
  const paris = { phone: '+33 6 12 34 56 78', timeZone: 'Europe/Paris', attributes: {} };

  async function centre(start: number, options: { accepted?: boolean; login?: boolean } = {}) {
    const placed: CallbackCall[] = [];
    const place = vi.fn((call: CallbackCall) => {
      placed.push(call);
    });
    const ask = vi.fn(() => Promise.resolve({ accepted: options.accepted ?? true }));
    const late = lateCentre();
    const current = await createTestHost({
      start,
      login: options.login ?? true,
      center: {
        queues: [
          {
            id: 'default',
            name: 'Default',
            escalation: [{ afterMs: 60_000, offerCallback: true }],
          },
        ],
        routing: { callingPolicy: createCallingPolicy() },
      },
      plugins: [
        {
          plugin: autoAnswer,
          config: {
            channels: [{ channel: 'callback' }],
            callbacks: { ask, place, center: late.port },
          },
        },
      ],
    });
    late.bind(current.center);
    host = current;
    return { current, placed, ask };
  }

  it('offers a callback to a customer waiting past the escalation step and places it when the agent is free', async () => {
    const start = Date.UTC(2026, 0, 5, 11); // 12:00 in Paris
    const { current, placed, ask } = await centre(start);
    // The agent is on a call; the next caller waits.
    const busy = await current.take({ channel: 'voice' });
    current.center.contactCommand(busy.id, { type: 'connect' });
    const waiting = current.center.openContact({
      channel: 'voice',
      queueId: 'default',
      customer: paris,
    });
    current.advance(60_000);
    await current.flush();
    expect(ask).toHaveBeenCalledWith({
      contactId: waiting.id,
      reason: 'escalation',
      phone: paris.phone,
    });
    expect(current.center.getSnapshot().contacts.get(waiting.id)).toMatchObject({
      channel: 'callback',
      status: 'queued',
    });
    expect(current.events.of('autoAnswer.callbackRequested')).toEqual([
      { contactId: waiting.id, at: start + 60_000 },
    ]);

    // The agent finishes the call: the callback is routed to them, accepted and dialled.
    await current.desk.wrapUp(busy.id);
    await current.desk.complete(busy.id);
    await current.flush();
    expect(placed).toEqual([
      { contactId: waiting.id, phone: paris.phone, timeZone: 'Europe/Paris' },
    ]);
    expect(current.events.of('autoAnswer.callbackPlaced')).toHaveLength(1);
    expect(current.plugin('autoAnswer').getSnapshot().callbacks).toEqual([
      { contactId: waiting.id, status: 'placed', at: current.clock.now() },
    ]);
  });

  it('places a callback only within the customer calling hours', async () => {
    const { current, placed } = await centre(Date.UTC(2026, 0, 5, 5)); // 06:00 in Paris
    const callback = current.center.openContact({
      channel: 'callback',
      direction: 'outbound',
      queueId: 'default',
      customer: paris,
    });
    await current.flush();
    expect(placed).toEqual([]);
    current.advance(2 * 3_600_000); // 08:00 in Paris
    await current.flush();
    expect(placed.map((call) => call.contactId)).toEqual([callback.id]);
  });

  it('asks by hand, and keeps the contact waiting when the customer declines', async () => {
    const { current, ask } = await centre(Date.UTC(2026, 0, 5, 11), {
      accepted: false,
      login: false,
    });
    const api = current.plugin('autoAnswer');
    const waiting = current.center.openContact({
      channel: 'voice',
      queueId: 'default',
      customer: paris,
    });
    await expect(api.offerCallback(waiting.id)).resolves.toBe('declined');
    expect(ask).toHaveBeenCalledWith({
      contactId: waiting.id,
      reason: 'agent',
      phone: paris.phone,
    });
    expect(current.center.getSnapshot().contacts.get(waiting.id)).toMatchObject({
      channel: 'voice',
      status: 'queued',
    });
    await expect(api.offerCallback('nobody')).resolves.toBe('declined');
    expect(ask).toHaveBeenCalledOnce();
  });
});
