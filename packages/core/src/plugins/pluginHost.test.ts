import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { createActionRegistry } from '../actions/actionRegistry';
import { defineAction } from '../actions/defineAction';
import { createEventBus } from '../events/eventBus';
import type { PluginFailed, SwitchboardEvents } from '../events/eventMap';
import { createVirtualClock } from '../testing/virtualClock';
import { createMemoryStorage } from '../ports/storage';
import { definePlugin } from './definePlugin';
import { createPluginHost } from './pluginHost';
import type { PluginHostOptions } from './pluginHostTypes';
import type { PluginContext, PluginDefinition } from './pluginTypes';
import { rejectionOf } from '../../test/rejectionOf';

/** Lets every pending promise callback run. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A host on fresh ports, with the `plugin.*` events it emits recorded. */
function createHarness(options: Partial<PluginHostOptions> = {}) {
  const events = createEventBus<SwitchboardEvents>();
  const actions = createActionRegistry();
  const clock = createVirtualClock(0);
  const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const failures: PluginFailed[] = [];
  const ready: string[] = [];
  events.on('plugin.failed', (failure) => failures.push(failure));
  events.on('plugin.ready', ({ plugin }) => ready.push(plugin));
  const host = createPluginHost({
    events,
    actions,
    state: { getSnapshot: () => ({}), subscribe: () => () => undefined },
    storage: createMemoryStorage(),
    clock,
    logger,
    ...options,
  });
  return { host, events, actions, clock, logger, failures, ready };
}

/** A plugin that records its setup and dispose in `log`. */
function recorded(
  log: string[],
  name: string,
  extra: Partial<PluginDefinition<string, undefined>> = {},
) {
  return definePlugin({
    name,
    version: '1.0.0',
    ...extra,
    setup: (ctx: PluginContext, config: undefined) => {
      log.push(`setup ${name}`);
      const instance = extra.setup?.(ctx, config);
      return instance ?? { dispose: () => void log.push(`dispose ${name}`) };
    },
  });
}

describe('createPluginHost: load', () => {
  it('sets plugins up in a stable dependency order and reports them ready', async () => {
    const { host, ready } = createHarness();
    const log: string[] = [];
    const reports = await host.load([
      recorded(log, 'c', { dependsOn: ['a'] }),
      recorded(log, 'b'),
      recorded(log, 'a'),
      recorded(log, 'd', { dependsOn: ['c', 'b'] }),
    ]);
    expect(log).toEqual(['setup b', 'setup a', 'setup c', 'setup d']);
    expect(reports).toEqual([
      { name: 'b', version: '1.0.0', state: 'ready' },
      { name: 'a', version: '1.0.0', state: 'ready' },
      { name: 'c', version: '1.0.0', state: 'ready' },
      { name: 'd', version: '1.0.0', state: 'ready' },
    ]);
    expect(ready).toEqual(['b', 'a', 'c', 'd']);
    expect(host.status()).toEqual(reports);
  });

  it('lets a later batch depend on an earlier one', async () => {
    const { host } = createHarness();
    const log: string[] = [];
    await host.load([recorded(log, 'base')]);
    await host.load([recorded(log, 'addon', { dependsOn: ['base'] })]);
    expect(host.status().map((report) => report.state)).toEqual(['ready', 'ready']);
  });

  it.each([
    [
      'a duplicate in the batch',
      [['a'], ['a']],
      'PLUGIN_DUPLICATE',
      { plugin: 'a', alreadyLoaded: false },
    ],
    [
      'a missing dependency',
      [
        ['a', 'x', 'y'],
        ['b', 'y'],
      ],
      'PLUGIN_MISSING_DEPENDENCY',
      {
        plugin: 'a',
        dependency: 'x',
        missing: [
          { plugin: 'a', dependency: 'x' },
          { plugin: 'a', dependency: 'y' },
          { plugin: 'b', dependency: 'y' },
        ],
      },
    ],
    [
      'a cycle',
      [
        ['a', 'c'],
        ['b', 'a'],
        ['c', 'b'],
      ],
      'PLUGIN_DEPENDENCY_CYCLE',
      { cycle: ['a', 'c', 'b', 'a'] },
    ],
    ['a self-dependency', [['a', 'a']], 'PLUGIN_DEPENDENCY_CYCLE', { cycle: ['a', 'a'] }],
  ])('rejects %s before any setup', async (_label, specs, code, details) => {
    const { host } = createHarness();
    const log: string[] = [];
    const plugins = specs.map(([name = '', ...dependsOn]) => recorded(log, name, { dependsOn }));
    const error = await rejectionOf(host.load([recorded(log, 'ok'), ...plugins]));
    expect(error.code).toBe(code);
    expect(error.details).toEqual(details);
    expect(log).toEqual([]);
    expect(host.status()).toEqual([]);
  });

  it('rejects a name already loaded in an earlier batch', async () => {
    const { host } = createHarness();
    const log: string[] = [];
    await host.load([recorded(log, 'a')]);
    const error = await rejectionOf(host.load([recorded(log, 'a')]));
    expect(error.code).toBe('PLUGIN_DUPLICATE');
    expect(error.details).toEqual({ plugin: 'a', alreadyLoaded: true });
  });

  it('rejects a malformed definition with PLUGIN_INVALID and issues', async () => {
    const { host } = createHarness();
    const setup = vi.fn();
    const error = await rejectionOf(
      host.load([{ name: 'bad', version: '', permissions: ['everything'], setup } as never]),
    );
    expect(error.code).toBe('PLUGIN_INVALID');
    expect(error.details).toEqual({ plugin: 'bad' });
    expect(error.issues.map((issue) => issue.path)).toEqual([['version'], ['permissions', 0]]);
    expect(setup).not.toHaveBeenCalled();
  });

  it('validates configs before any setup and passes the parsed config to setup', async () => {
    const { host } = createHarness();
    const seen: unknown[] = [];
    const configured = definePlugin({
      name: 'configured',
      version: '1.0.0',
      config: z.object({ greeting: z.string(), times: z.number().int().default(1) }),
      setup(_ctx, config) {
        seen.push(config);
      },
    });
    const first = definePlugin({
      name: 'first',
      version: '1.0.0',
      setup: () => void seen.push('first'),
    });
    const error = await rejectionOf(
      host.load([first, { plugin: configured, config: { greeting: 1 } }]),
    );
    expect(error.code).toBe('PLUGIN_INVALID');
    expect(error.details).toEqual({ plugin: 'configured' });
    expect(error.issues.map((issue) => issue.path)).toEqual([['greeting']]);
    expect(seen).toEqual([]);

    await host.load([{ plugin: configured, config: { greeting: 'hi' } }]);
    expect(seen).toEqual([{ greeting: 'hi', times: 1 }]);
  });

  it('rejects a config for a plugin without a config schema', async () => {
    const { host } = createHarness();
    const plain = definePlugin({ name: 'plain', version: '1.0.0', setup: () => undefined });
    const error = await rejectionOf(host.load([{ plugin: plain, config: { a: 1 } }]));
    expect(error.code).toBe('PLUGIN_INVALID');
    expect(error.issues).toHaveLength(1);
    await expect(host.load([{ plugin: plain }])).resolves.toHaveLength(1);
  });

  it('runs batches one after the other', async () => {
    const { host } = createHarness();
    const log: string[] = [];
    const [first, second] = await Promise.all([
      host.load([recorded(log, 'a')]),
      rejectionOf(host.load([recorded(log, 'a')])),
    ]);
    expect(first.map((report) => report.state)).toEqual(['ready']);
    expect(second.code).toBe('PLUGIN_DUPLICATE');
  });
});

describe('createPluginHost: failures', () => {
  it('marks a throwing setup failed, removes its registrations and skips its dependents', async () => {
    const { host, events, actions, clock, failures, logger } = createHarness();
    const heard = vi.fn();
    const boom = new Error('boom');
    const broken = definePlugin({
      name: 'broken',
      version: '2.0.0',
      setup(ctx) {
        ctx.events.on('broken.ping' as never, heard);
        ctx.actions.register(
          defineAction({ name: 'broken.do', schema: z.unknown(), run: () => 1 }),
        );
        ctx.actions.before('broken.other', () => ({ cancel: 'never' }));
        ctx.clock.setTimeout(heard, 10);
        throw boom;
      },
    });
    const log: string[] = [];
    const reports = await host.load([
      broken,
      recorded(log, 'child', { dependsOn: ['broken'] }),
      recorded(log, 'grandchild', { dependsOn: ['child'] }),
      recorded(log, 'sibling'),
    ]);
    expect(reports.map((report) => [report.name, report.state])).toEqual([
      ['broken', 'failed'],
      ['child', 'skipped'],
      ['grandchild', 'skipped'],
      ['sibling', 'ready'],
    ]);
    const [failed, skipped] = reports;
    expect(failed?.error?.code).toBe('PLUGIN_SETUP_FAILED');
    expect(failed?.error?.cause).toBe(boom);
    expect(skipped?.error?.code).toBe('PLUGIN_MISSING_DEPENDENCY');
    expect(skipped?.error?.details).toEqual({
      plugin: 'child',
      dependency: 'broken',
      dependencyState: 'failed',
    });
    expect(log).toEqual(['setup sibling']);
    expect(failures).toEqual([
      { plugin: 'broken', phase: 'setup', error: failed?.error, disabled: true },
    ]);
    expect(logger.error).toHaveBeenCalledWith(
      'Plugin "broken" failed in setup.',
      expect.any(Object),
    );

    events.emit('broken.ping' as never, {} as never);
    clock.advance(10);
    expect(heard).not.toHaveBeenCalled();
    expect(clock.pending()).toBe(0);
    expect(actions.has('broken.do')).toBe(false);
    actions.register(defineAction({ name: 'broken.other', schema: z.unknown(), run: () => 'ran' }));
    await expect(actions.invoke('broken.other', null, { roles: ['agent'] })).resolves.toBe('ran');
    expect(() => host.api('broken')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('marks a rejecting setup failed', async () => {
    const { host } = createHarness();
    const failing = definePlugin({
      name: 'failing',
      version: '1.0.0',
      setup: () => Promise.reject(new Error('later')),
    });
    const [report] = await host.load([failing]);
    expect(report?.state).toBe('failed');
    expect(report?.error?.code).toBe('PLUGIN_SETUP_FAILED');
  });

  it('times out a hanging setup on the injected clock', async () => {
    const { host, clock, failures } = createHarness();
    const hanging = definePlugin({
      name: 'hanging',
      version: '1.0.0',
      setup: () => new Promise<undefined>(() => undefined),
    });
    const log: string[] = [];
    let settled = false;
    const loading = host.load([hanging, recorded(log, 'next')]).finally(() => {
      settled = true;
    });
    await flush();
    clock.advance(4999);
    await flush();
    expect(settled).toBe(false);
    expect(log).toEqual([]);
    clock.advance(1);
    const [report, next] = await loading;
    expect(report?.state).toBe('failed');
    expect(report?.error?.code).toBe('PLUGIN_SETUP_TIMEOUT');
    expect(report?.error?.details).toEqual({ plugin: 'hanging', timeoutMs: 5000 });
    expect(failures.map((failure) => failure.phase)).toEqual(['setup']);
    expect(next?.state).toBe('ready');
  });

  it('uses the plugin setupTimeoutMs, then the host default', async () => {
    const { host, clock } = createHarness({ defaultSetupTimeoutMs: 50 });
    const hang = () => new Promise<undefined>(() => undefined);
    const quick = definePlugin({ name: 'quick', version: '1', setupTimeoutMs: 10, setup: hang });
    const slow = definePlugin({ name: 'slow', version: '1', setup: hang });
    const loading = host.load([quick, slow]);
    await flush();
    clock.advance(10);
    await flush();
    clock.advance(50);
    const reports = await loading;
    expect(reports.map((report) => report.error?.details['timeoutMs'])).toEqual([10, 50]);
  });

  it('disposes what a timed-out setup returns late and revokes its context', async () => {
    const { host, clock, failures } = createHarness();
    let finish: (value: { dispose(): void }) => void = () => undefined;
    let ctx: PluginContext | undefined;
    const dispose = vi.fn(() => {
      throw new Error('dispose failed');
    });
    const late = definePlugin({
      name: 'late',
      version: '1.0.0',
      setup(context) {
        ctx = context;
        return new Promise<{ dispose(): void }>((resolve) => {
          finish = resolve;
        });
      },
    });
    const loading = host.load([late]);
    await flush();
    clock.advance(5000);
    await loading;
    expect(() => ctx?.events.on('late.x' as never, () => undefined)).toThrow(
      expect.objectContaining({ code: 'DISPOSED', details: { plugin: 'late' } }),
    );
    finish({ dispose });
    await flush();
    expect(dispose).toHaveBeenCalledOnce();
    expect(failures.map((failure) => [failure.phase, failure.disabled])).toEqual([
      ['setup', true],
      ['dispose', true],
    ]);
  });
});

describe('createPluginHost: api, dispose', () => {
  it('defaults to memory storage, the system clock and a silent logger', async () => {
    const events = createEventBus<SwitchboardEvents>();
    const host = createPluginHost({
      events,
      actions: createActionRegistry(),
      state: { getSnapshot: () => null, subscribe: () => () => undefined },
    });
    const [report] = await host.load([
      definePlugin({
        name: 'defaults',
        version: '1',
        async setup(ctx) {
          await ctx.storage.set('k', ctx.clock.now());
          ctx.logger.info('stored');
          return { api: await ctx.storage.get('k') };
        },
      }),
    ]);
    expect(report?.state).toBe('ready');
    expect(host.api('defaults')).toBeTypeOf('number');
  });

  it('returns the API of a ready plugin and NOT_FOUND for others', async () => {
    const { host } = createHarness();
    const api = { hello: () => 'hi' };
    await host.load([
      definePlugin({ name: 'greeter', version: '1', setup: () => ({ api }) }),
      definePlugin({ name: 'odd', version: '1', setup: () => 42 as never }),
    ]);
    expect(host.api('greeter')).toBe(api);
    expect(host.api('odd')).toBeUndefined();
    expect(() => host.api('nobody')).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        details: { plugin: 'nobody', state: undefined },
      }),
    );
  });

  it('gives an optional collaborator’s API while it is ready, whatever the load order', async () => {
    const { host } = createHarness();
    let ctxOf: PluginContext | undefined;
    let beforeHelper: unknown = 'unset';
    await host.load([
      definePlugin({
        name: 'user',
        version: '1',
        setup(ctx) {
          ctxOf = ctx;
          // Asserted below: a throw here would only fail the plugin's setup.
          beforeHelper = ctx.plugins.optional('helper');
        },
      }),
    ]);
    expect(beforeHelper).toBeUndefined(); // not loaded yet
    const api = { help: () => 'helped' };
    await host.load([
      definePlugin({ name: 'helper', version: '1', setup: () => ({ api }) }),
      definePlugin({
        name: 'broken',
        version: '1',
        setup: () => {
          throw new TypeError('no');
        },
      }),
    ]);
    expect(ctxOf?.plugins.optional('helper')).toBe(api);
    expect(ctxOf?.plugins.optional('broken')).toBeUndefined();
    expect(ctxOf?.plugins.optional('user')).toBeUndefined();
    expect(ctxOf?.plugins.optional('nobody')).toBeUndefined();
    await host.dispose();
    expect(() => ctxOf?.plugins.optional('helper')).toThrow(
      expect.objectContaining({ code: 'DISPOSED' }),
    );
  });

  it('disposes ready plugins in reverse setup order, reporting and passing over failures', async () => {
    const { host, events, failures } = createHarness();
    const log: string[] = [];
    const heard = vi.fn();
    const boom = new Error('boom');
    await host.load([
      recorded(log, 'c', { dependsOn: ['a'] }),
      recorded(log, 'b', {
        setup: (ctx) => {
          ctx.events.on('b.ping' as never, heard);
          return {
            dispose() {
              log.push('dispose b');
              ctx.events.emit('b.ping' as never, {} as never);
              throw boom;
            },
          };
        },
      }),
      recorded(log, 'a'),
      definePlugin({ name: 'f', version: '1', setup: () => Promise.reject(boom) }),
    ]);
    await Promise.all([host.dispose(), host.dispose()]);
    expect(log.filter((entry) => entry.startsWith('dispose'))).toEqual([
      'dispose c',
      'dispose a',
      'dispose b',
    ]);
    expect(heard).toHaveBeenCalledOnce();
    events.emit('b.ping' as never, {} as never);
    expect(heard).toHaveBeenCalledOnce();
    expect(failures.map((failure) => [failure.plugin, failure.phase])).toEqual([
      ['f', 'setup'],
      ['b', 'dispose'],
    ]);
    expect(host.status().map((report) => [report.name, report.state])).toEqual([
      ['b', 'disposed'],
      ['a', 'disposed'],
      ['c', 'disposed'],
      ['f', 'failed'],
    ]);
    expect((await rejectionOf(host.load([recorded(log, 'z')]))).code).toBe('DISPOSED');
  });

  it('waits for a load in progress before disposing', async () => {
    const { host, clock } = createHarness();
    const log: string[] = [];
    const hanging = definePlugin({
      name: 'hanging',
      version: '1',
      setup: () => new Promise<undefined>(() => undefined),
    });
    const loading = host.load([recorded(log, 'a'), hanging, recorded(log, 'b')]);
    const queued = host.load([recorded(log, 'queued')]);
    await flush();
    const disposed = host.dispose();
    clock.advance(5000);
    await disposed;
    const reports = await loading;
    expect(reports.map((report) => report.state)).toEqual(['ready', 'failed', 'skipped']);
    expect(reports[2]?.error?.code).toBe('DISPOSED');
    expect(host.status().map((report) => report.state)).toEqual(['disposed', 'failed', 'skipped']);
    expect((await rejectionOf(queued)).code).toBe('DISPOSED');
    expect(log).toEqual(['setup a', 'dispose a']);
  });
});
