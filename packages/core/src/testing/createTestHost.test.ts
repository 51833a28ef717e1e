import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { definePlugin } from '../plugins/definePlugin';
import { createTestHost } from './createTestHost';

/** Accepts chats as they are offered; a tiny plugin with an API and a timer on the clock. */
const autoAccept = definePlugin({
  name: 'auto-accept',
  version: '1.0.0',
  config: z.object({ delayMs: z._default(z.number(), 0) }),
  permissions: ['contact:read', 'contact:write'],
  setup(ctx, config) {
    let accepted = 0;
    ctx.events.on('contact.offered', ({ contactId }) => {
      ctx.clock.setTimeout(() => {
        void ctx.actions.invoke('contact.accept', { contactId }).then(() => (accepted += 1));
      }, config.delayMs);
    });
    return { api: { accepted: () => accepted } };
  },
});

describe('createTestHost', () => {
  it('loads the plugins, logs the agent in and offers contacts to the desk', async () => {
    const host = await createTestHost({
      plugins: [{ plugin: autoAccept, config: { delayMs: 5_000 } }],
    });
    expect(host.reports.map((report) => report.state)).toEqual(['ready']);
    expect(host.desk.getSnapshot().agent.presence.status).toBe('available');

    const chat = host.offer({ channel: 'chat' });
    expect(chat.status).toBe('offered');
    host.advance(4_999);
    await host.flush();
    expect(host.center.getSnapshot().contacts.get(chat.id)?.status).toBe('offered');
    host.advance(1);
    await host.flush();
    expect(host.center.getSnapshot().contacts.get(chat.id)?.status).toBe('connected');
    expect((host.plugin('auto-accept') as { accepted(): number }).accepted()).toBe(1);
    expect(host.events.of('contact.accepted')).toHaveLength(1);
    expect(host.failures()).toEqual([]);
    await host.dispose();
  });

  it('refuses to call a contact offered when the agent cannot take it', async () => {
    const host = await createTestHost({ login: false });
    expect(() => host.offer({ channel: 'voice' })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    await host.dispose();
  });

  it('takes a contact through the desk and reports a throwing plugin without failing', async () => {
    const noisy = definePlugin({
      name: 'noisy',
      version: '1.0.0',
      permissions: ['contact:read'],
      setup(ctx) {
        ctx.events.on('contact.accepted', () => {
          throw new Error('listener broke');
        });
      },
    });
    const host = await createTestHost({ plugins: [noisy] });
    const voice = await host.take({ channel: 'voice' });
    expect(['accepted', 'connected']).toContain(voice.status);
    expect(host.failures()).toEqual([
      expect.objectContaining({ phase: 'listener', disabled: false }),
    ]);
    expect(() => host.plugin('missing')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    await host.dispose();
  });
});
