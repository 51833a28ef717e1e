import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { createActionRegistry } from '../actions/actionRegistry';
import type { ActionCall } from '../actions/actionTypes';
import { defineAction } from '../actions/defineAction';
import type { Permission } from '../actions/permission';
import { createEventBus } from '../events/eventBus';
import type { PluginFailed, SwitchboardEvents } from '../events/eventMap';
import { createVirtualClock } from '../testing/virtualClock';
import { createMemoryStorage } from '../ports/storage';
import { definePlugin } from './definePlugin';
import { createPluginHost } from './pluginHost';
import type { PluginContext } from './pluginTypes';

/** An event name outside the typed map (tests use their own). */
const event = (name: string) => name as keyof SwitchboardEvents;
/** Any payload for such an event. */
const payload = (value: object) => value as never;

/** A host whose state is a counter; `plugin` runs `body(ctx)` in its setup. */
function createHarness() {
  const events = createEventBus<SwitchboardEvents>();
  const actions = createActionRegistry();
  const storage = createMemoryStorage();
  const clock = createVirtualClock(0);
  const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const listeners = new Set<() => void>();
  let count = 0;
  const state = {
    getSnapshot: () => ({ count }),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  const bump = () => {
    count += 1;
    for (const listener of listeners) listener();
  };
  const failures: PluginFailed[] = [];
  events.on('plugin.failed', (failure) => failures.push(failure));
  const host = createPluginHost({ events, actions, state, storage, clock, logger });

  /** Loads one plugin and returns its context (captured during setup) and report. */
  async function plugin(
    name: string,
    permissions: readonly Permission[],
    body: (ctx: PluginContext) => unknown = () => undefined,
  ) {
    const captured: { ctx?: PluginContext } = {};
    const [report] = await host.load([
      definePlugin({
        name,
        version: '1.0.0',
        permissions,
        setup(ctx) {
          captured.ctx = ctx;
          return body(ctx) as undefined;
        },
      }),
    ]);
    return { ctx: captured.ctx!, report: report! };
  }
  return { host, events, actions, storage, clock, logger, failures, listeners, bump, plugin };
}

/** Matches the PERMISSION_DENIED error for `plugin` lacking `permission` on `target`. */
const denied = (plugin: string, permission: string, target: string): Error =>
  expect.objectContaining({
    code: 'PERMISSION_DENIED',
    details: { plugin, permission, target },
  }) as Error;

describe('plugin context: permissions', () => {
  it('denies events, actions and state synchronously without the permission', async () => {
    const { plugin, actions } = createHarness();
    actions.register(
      defineAction({
        name: 'billing.charge',
        schema: z.unknown(),
        permission: 'billing:read',
        run: () => 1,
      }),
    );
    const { ctx, report } = await plugin('nosy', []);
    expect(report.state).toBe('ready');
    expect(() => ctx.events.on('contact.offered', () => undefined)).toThrow(
      denied('nosy', 'contact:read', 'contact.offered'),
    );
    expect(() => ctx.events.once('plugin.failed', () => undefined)).toThrow(
      denied('nosy', 'plugin:read', 'plugin.failed'),
    );
    expect(() => {
      ctx.events.emit('plugin.ready', { plugin: 'x' });
    }).toThrow(denied('nosy', 'plugin:write', 'plugin.ready'));
    expect(() => ctx.actions.invoke('note.add', {})).toThrow(
      denied('nosy', 'note:write', 'note.add'),
    );
    expect(() => ctx.actions.invoke('billing.charge', {})).toThrow(
      denied('nosy', 'billing:read', 'billing.charge'),
    );
    expect(() => ctx.actions.before('note.add', () => undefined)).toThrow(
      denied('nosy', 'note:write', 'note.add'),
    );
    expect(() => ctx.actions.after('note.add', () => undefined)).toThrow(
      denied('nosy', 'note:write', 'note.add'),
    );
    expect(() => ctx.actions.replace('note.add', () => undefined)).toThrow(
      denied('nosy', 'note:write', 'note.add'),
    );
    expect(() =>
      ctx.actions.register(defineAction({ name: 'note.add', schema: z.unknown(), run: () => 1 })),
    ).toThrow(denied('nosy', 'note:write', 'note.add'));
    expect(() => ctx.state.getSnapshot()).toThrow(denied('nosy', 'state:read', 'state'));
    expect(() => ctx.state.subscribe(() => undefined)).toThrow(
      denied('nosy', 'state:read', 'state'),
    );
    expect(() => ctx.plugins.api('other')).toThrow(
      expect.objectContaining({
        code: 'PERMISSION_DENIED',
        details: { plugin: 'nosy', dependency: 'other' },
      }),
    );
  });

  it('fails the setup of a plugin that is denied during setup', async () => {
    const { plugin } = createHarness();
    const { report } = await plugin('eager', [], (ctx) =>
      ctx.events.on('contact.offered', () => undefined),
    );
    expect(report.state).toBe('failed');
    expect(report.error?.cause).toEqual(denied('eager', 'contact:read', 'contact.offered'));
  });

  it('allows what the permissions grant and everything in the own namespace', async () => {
    const { plugin, events, actions, bump } = createHarness();
    const seen: unknown[] = [];
    const run = vi.fn((_payload: unknown, call: ActionCall) => call.caller);
    actions.register(defineAction({ name: 'note.add', schema: z.unknown(), run }));
    const { ctx } = await plugin('notes', ['contact:read', 'note:write', 'state:read'], (ctx) => {
      ctx.events.on('contact.offered', (offered) => seen.push(offered));
      ctx.events.on(event('notes.saved'), (saved) => seen.push(saved));
      ctx.state.subscribe(() => seen.push(ctx.state.getSnapshot()));
      ctx.actions.register(
        defineAction({ name: 'notes.count', schema: z.unknown(), run: () => 3 }),
      );
    });
    events.emit(event('contact.offered'), payload({ contactId: 'c1' }));
    ctx.events.emit(event('notes.saved'), payload({ id: 'n1' }));
    bump();
    expect(seen).toEqual([{ contactId: 'c1' }, { id: 'n1' }, { count: 1 }]);
    await expect(ctx.actions.invoke('note.add', {})).resolves.toEqual({
      roles: ['agent'],
      plugin: 'notes',
    });
    await expect(ctx.actions.invoke('notes.count', {})).resolves.toBe(3);
    expect(actions.has('notes.count')).toBe(true);
  });

  it('skips and reports a hook whose action later declared a permission the plugin lacks', async () => {
    const { plugin, actions, failures } = createHarness();
    const hook = vi.fn(() => ({ cancel: 'no' }));
    const replacement = vi.fn(() => 'replaced');
    const after = vi.fn();
    await plugin('watcher', ['payment:write'], (ctx) => {
      ctx.actions.before('payment.refund', hook);
      ctx.actions.after('payment.refund', after);
      ctx.actions.replace('payment.refund', replacement);
    });
    actions.register(
      defineAction({
        name: 'payment.refund',
        schema: z.unknown(),
        permission: 'finance:write',
        run: () => 'refunded',
      }),
    );
    await expect(actions.invoke('payment.refund', {}, { roles: ['agent'] })).resolves.toBe(
      'refunded',
    );
    expect(hook).not.toHaveBeenCalled();
    expect(replacement).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
    expect(failures.map((failure) => [failure.plugin, failure.phase, failure.disabled])).toEqual([
      ['watcher', 'hook', false],
      ['watcher', 'hook', false],
      ['watcher', 'hook', false],
    ]);
    expect(failures[0]?.error).toEqual(denied('watcher', 'finance:write', 'payment.refund'));
  });
});

describe('plugin context: isolation', () => {
  it('contains a throwing listener: others still run, plugin.failed is emitted, the plugin stays ready', async () => {
    const { plugin, events, failures, host, logger } = createHarness();
    const boom = new Error('boom');
    const order: string[] = [];
    await plugin('faulty', ['contact:read'], (ctx) => {
      ctx.events.on('contact.offered', () => {
        order.push('faulty');
        throw boom;
      });
    });
    await plugin('healthy', ['contact:read'], (ctx) => {
      ctx.events.on('contact.offered', () => order.push('healthy'));
    });
    events.on('contact.offered', () => order.push('host'));
    events.emit('contact.offered', payload({}));
    expect(order).toEqual(['faulty', 'healthy', 'host']);
    expect(failures).toEqual([
      { plugin: 'faulty', phase: 'listener', error: boom, disabled: false },
    ]);
    expect(logger.error).toHaveBeenCalledWith('Plugin "faulty" failed in listener.', {
      plugin: 'faulty',
      phase: 'listener',
      disabled: false,
      error: boom,
    });
    expect(host.status().map((report) => report.state)).toEqual(['ready', 'ready']);
  });

  it('does not loop when a plugin.failed listener throws', async () => {
    const { plugin, events, failures, logger } = createHarness();
    const listener = vi.fn(() => {
      throw new Error('listener of failures fails');
    });
    await plugin('meta', ['plugin:read', 'contact:read'], (ctx) => {
      ctx.events.on('plugin.failed', listener);
      ctx.events.on('contact.offered', () => {
        throw new Error('first');
      });
    });
    events.emit('contact.offered', payload({}));
    expect(listener).toHaveBeenCalledOnce();
    expect(failures).toHaveLength(1);
    expect(logger.error).toHaveBeenCalledTimes(2);
  });

  it('contains throwing and rejecting action hooks', async () => {
    const { plugin, actions, failures } = createHarness();
    const run = vi.fn(() => 'done');
    actions.register(defineAction({ name: 'note.add', schema: z.unknown(), run }));
    const boom = new Error('boom');
    await plugin('hooks', ['note:write'], (ctx) => {
      ctx.actions.before('note.add', () => {
        throw boom;
      });
      ctx.actions.after('note.add', () => Promise.reject(boom));
    });
    await expect(actions.invoke('note.add', {}, { roles: ['agent'] })).resolves.toBe('done');
    expect(run).toHaveBeenCalledOnce();
    expect(failures).toEqual([
      { plugin: 'hooks', phase: 'hook', error: boom, disabled: false },
      { plugin: 'hooks', phase: 'hook', error: boom, disabled: false },
    ]);
  });

  it('lets a plugin hook cancel and replace, with the plugin as owner', async () => {
    const { plugin, actions } = createHarness();
    actions.register(defineAction({ name: 'note.add', schema: z.string(), run: (text) => text }));
    await plugin('guard', ['note:write'], (ctx) => {
      ctx.actions.before('note.add', (text) =>
        text === 'secret' ? { cancel: 'redacted' } : undefined,
      );
      ctx.actions.replace('note.add', async (_text, _call, next) => `[${String(await next())}]`);
    });
    const caller = { roles: ['agent'] as const };
    await expect(actions.invoke('note.add', 'hi', caller)).resolves.toBe('[hi]');
    await expect(actions.invoke('note.add', 'secret', caller)).rejects.toMatchObject({
      code: 'ACTION_CANCELLED',
      details: { reason: 'redacted', by: 'guard' },
    });
    const { report } = await plugin('rival', ['note:write'], (ctx) =>
      ctx.actions.replace('note.add', () => 'mine'),
    );
    expect(report.error?.cause).toMatchObject({ code: 'PLUGIN_INVALID' });
  });
});

describe('plugin context: tracked services', () => {
  it('namespaces storage per plugin', async () => {
    const { plugin, storage } = createHarness();
    const { ctx: one } = await plugin('one', []);
    const { ctx: two } = await plugin('two', []);
    await one.storage.set('key', 1);
    await two.storage.set('key', 2);
    expect(await one.storage.get('key')).toBe(1);
    expect(await two.storage.keys()).toEqual(['key']);
    expect(await storage.keys()).toEqual(['plugin:one:key', 'plugin:two:key']);
  });

  it('prefixes log messages with the plugin name', async () => {
    const { plugin, logger } = createHarness();
    const { ctx } = await plugin('chatty', []);
    ctx.logger.warn('careful', { n: 1 });
    ctx.logger.debug('detail');
    expect(logger.warn).toHaveBeenCalledWith('[chatty] careful', { plugin: 'chatty', n: 1 });
    expect(logger.debug).toHaveBeenCalledWith('[chatty] detail', { plugin: 'chatty' });
  });

  it('runs, clears and contains timers, and clears pending ones on dispose', async () => {
    const { plugin, clock, failures, host } = createHarness();
    const fired: string[] = [];
    const { ctx } = await plugin('timed', []);
    expect(ctx.clock.now()).toBe(0);
    ctx.clock.setTimeout(() => fired.push('first'), 10);
    const cleared = ctx.clock.setTimeout(() => fired.push('cleared'), 10);
    ctx.clock.clearTimeout(cleared);
    ctx.clock.clearTimeout('unknown');
    ctx.clock.setTimeout(() => {
      throw new Error('timer');
    }, 20);
    ctx.clock.setTimeout(() => fired.push('never'), 100);
    clock.advance(20);
    expect(fired).toEqual(['first']);
    expect(failures.map((failure) => failure.phase)).toEqual(['listener']);
    await host.dispose();
    clock.advance(100);
    expect(fired).toEqual(['first']);
    expect(() => ctx.clock.setTimeout(() => undefined, 1)).toThrow(
      expect.objectContaining({ code: 'DISPOSED' }),
    );
  });

  it('delivers once-listeners once and unsubscribes tracked registrations', async () => {
    const { plugin, events, listeners } = createHarness();
    const once = vi.fn();
    const on = vi.fn();
    const { ctx } = await plugin('subs', ['state:read']);
    ctx.events.once(event('subs.tick'), once);
    const off = ctx.events.on(event('subs.tick'), on);
    const offState = ctx.state.subscribe(() => undefined);
    events.emit(event('subs.tick'), payload({}));
    events.emit(event('subs.tick'), payload({}));
    off();
    off();
    offState();
    events.emit(event('subs.tick'), payload({}));
    expect(once).toHaveBeenCalledOnce();
    expect(on).toHaveBeenCalledTimes(2);
    expect(listeners.size).toBe(0);
  });

  it('gives the APIs of declared dependencies', async () => {
    const { host } = createHarness();
    const seen: unknown[] = [];
    await host.load([
      definePlugin({ name: 'base', version: '1', setup: () => ({ api: { answer: 42 } }) }),
      definePlugin({
        name: 'user',
        version: '1',
        dependsOn: ['base'],
        setup(ctx) {
          seen.push(ctx.name, ctx.version, ctx.plugins.api('base'));
        },
      }),
    ]);
    expect(seen).toEqual(['user', '1', { answer: 42 }]);
  });
});
