import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { createActionRegistry } from '../actions/actionRegistry';
import { createDesk } from '../desk/createDesk';
import { definePlugin } from '../plugins/definePlugin';
import { createVirtualClock } from '../testing/virtualClock';
import { createVerificationRegistry, defineVerificationPlugin, requireVerification } from './index';

const showCard = definePlugin({
  name: 'myplugin',
  version: '1.0.0',
  setup(ctx) {
    ctx.actions.register({
      name: 'myplugin.showCard',
      schema: z.object({ contactId: z.string() }),
      sensitive: true,
      run: ({ contactId }) => `card of ${contactId}`,
    });
  },
});

describe('createVerificationRegistry', () => {
  it('verifies, reports and revokes, observably', () => {
    const clock = createVirtualClock(1000);
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const registry = createVerificationRegistry({ clock, logger });
    const listener = vi.fn();
    const off = registry.subscribe(listener);
    registry.subscribe(() => {
      throw new Error('listener bug');
    });
    expect(registry.status('c1')).toEqual({ status: 'unverified' });
    const before = registry.getSnapshot();
    expect(registry.verify('c1', { method: 'otp', by: 'ada' })).toEqual({
      status: 'verified',
      method: 'otp',
      by: 'ada',
      at: 1000,
    });
    expect(registry.getSnapshot()).not.toBe(before);
    expect(registry.isVerified('c1')).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledTimes(1);
    registry.revoke('c2');
    expect(listener).toHaveBeenCalledTimes(1);
    registry.revoke('c1');
    expect(registry.status('c1').status).toBe('unverified');
    off();
    registry.verify('c1', { method: 'dob' });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(() => registry.verify('', { method: 'otp' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => registry.verify('c1', { method: '' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(createVerificationRegistry().verify('c9', { method: 'otp' }).at).toBeGreaterThan(0);
  });
});

describe('defineVerificationPlugin through a desk', () => {
  it('refuses a sensitive action with VERIFICATION_REQUIRED until the customer is verified', async () => {
    const verification = createVerificationRegistry();
    const desk = createDesk({
      agent: { id: 'ada', name: 'Ada' },
      plugins: [
        defineVerificationPlugin({
          actions: ['myplugin.showCard'],
          isVerified: verification.isVerified,
        }),
        showCard,
      ],
    });
    const reports = await desk.ready;
    expect(reports.map((report) => report.state)).toEqual(['ready', 'ready']);
    await expect(desk.invoke('myplugin.showCard', { contactId: 'c1' })).rejects.toMatchObject({
      code: 'VERIFICATION_REQUIRED',
      details: { action: 'myplugin.showCard', contactId: 'c1' },
    });
    verification.verify('c1', { method: 'otp', by: 'ada' });
    await expect(desk.invoke('myplugin.showCard', { contactId: 'c1' })).resolves.toBe('card of c1');
    verification.revoke('c1');
    await expect(desk.invoke('myplugin.showCard', { contactId: 'c1' })).rejects.toMatchObject({
      code: 'VERIFICATION_REQUIRED',
    });
    await desk.dispose();
  });
});

describe('requireVerification', () => {
  const setup = () => {
    const actions = createActionRegistry();
    actions.register({
      name: 'billing.showCard',
      schema: z.object({ contactId: z.string() }),
      sensitive: true,
      run: () => 'card',
    });
    actions.register({ name: 'billing.ping', schema: z.unknown(), run: () => 'pong' });
    return actions;
  };
  const caller = { roles: ['agent' as const] };

  it('guards the sensitive actions and the named ones, and can be removed', async () => {
    const actions = setup();
    const verified = new Set<string>();
    const off = requireVerification(actions, {
      isVerified: async (id) => Promise.resolve(verified.has(id)),
      actions: ['billing.ping'],
    });
    await expect(
      actions.invoke('billing.showCard', { contactId: 'c1' }, caller),
    ).rejects.toMatchObject({
      code: 'VERIFICATION_REQUIRED',
    });
    await expect(actions.invoke('billing.ping', {}, caller)).rejects.toMatchObject({
      code: 'VERIFICATION_REQUIRED',
      message: expect.stringContaining('names no contact') as string,
    });
    verified.add('c1');
    await expect(actions.invoke('billing.showCard', { contactId: 'c1' }, caller)).resolves.toBe(
      'card',
    );
    off();
    await expect(actions.invoke('billing.ping', {}, caller)).resolves.toBe('pong');
  });

  it('uses contactIdOf, and guards nothing when an action is already replaced', async () => {
    const actions = setup();
    const off = requireVerification(actions, {
      isVerified: (id) => id === 'c2',
      contactIdOf: () => 'c2',
    });
    await expect(actions.invoke('billing.showCard', { contactId: 'c1' }, caller)).resolves.toBe(
      'card',
    );
    off();
    actions.replace('billing.ping', (_payload, _call, next) => next());
    expect(() =>
      requireVerification(actions, { isVerified: () => false, actions: ['billing.ping'] }),
    ).toThrow(expect.objectContaining({ code: 'PLUGIN_INVALID' }));
    await expect(actions.invoke('billing.showCard', { contactId: 'c1' }, caller)).resolves.toBe(
      'card',
    );
  });
});
