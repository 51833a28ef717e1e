import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import * as zm from 'zod/mini';
import { createActionRegistry } from '../actions/actionRegistry';
import { defineAction } from '../actions/defineAction';
import type { DeskSnapshot } from '../desk/deskSnapshot';
import type { Contact } from '../model/contact';
import type { Validator } from '../validation';
import { createEventBus } from '../events/eventBus';
import type { SwitchboardEvents } from '../events/eventMap';
import { definePlugin } from './definePlugin';
import { createPluginHost } from './pluginHost';
import type { PluginDefinition } from './pluginTypes';

/** What the `typetest-greeter` plugin offers its dependents. */
interface GreeterApi {
  greet(name: string): string;
}

// Tests files are part of the type program (and of typedoc's): keep the fixture out of the docs.
declare module './pluginTypes' {
  interface PluginApis {
    /** @internal A type-test fixture, not part of the API. */
    'typetest-greeter': GreeterApi;
  }
}

describe('plugin types', () => {
  it('types the API of a plugin declared in PluginApis, for dependents and the host', () => {
    const greeter = definePlugin({
      name: 'typetest-greeter',
      version: '1.0.0',
      setup: () => ({ api: { greet: (name) => `hello ${name}` } }),
    });
    expectTypeOf(greeter).toEqualTypeOf<
      PluginDefinition<'typetest-greeter', undefined, GreeterApi, never>
    >();

    definePlugin({
      name: 'typetest-user',
      version: '1.0.0',
      dependsOn: ['typetest-greeter', 'other'],
      setup(ctx) {
        expectTypeOf(ctx.plugins.api('typetest-greeter')).toEqualTypeOf<GreeterApi>();
        expectTypeOf(ctx.plugins.api('other')).toBeUnknown();
        // @ts-expect-error -- only declared dependencies
        ctx.plugins.api('undeclared');
      },
    });

    definePlugin({
      name: 'typetest-greeter',
      version: '1.0.0',
      // @ts-expect-error -- the declared API must be returned
      setup: () => ({ api: { greet: 1 } }),
    });

    const host = createPluginHost({
      events: createEventBus<SwitchboardEvents>(),
      actions: createActionRegistry(),
      state: { getSnapshot: () => null, subscribe: () => () => undefined },
    });
    expectTypeOf(host.api('typetest-greeter')).toEqualTypeOf<GreeterApi>();
    expectTypeOf(host.api('anything-else')).toBeUnknown();
    expectTypeOf<Parameters<typeof host.load>[0]>().toExtend<readonly unknown[]>();
  });

  it('infers the config from the schema and the API from setup', () => {
    const plugin = definePlugin({
      name: 'typetest-config',
      version: '1.0.0',
      config: z.object({ times: z.number().default(1) }),
      setup(_ctx, config) {
        expectTypeOf(config).toEqualTypeOf<{ times: number }>();
        return { api: { times: () => config.times }, dispose: () => undefined };
      },
    });
    expectTypeOf(plugin).toEqualTypeOf<
      PluginDefinition<'typetest-config', { times: number }, { times: () => number }, never>
    >();

    definePlugin({
      name: 'typetest-mini',
      version: '1.0.0',
      config: zm.object({ url: zm.string() }),
      async setup(_ctx, config) {
        expectTypeOf(config).toEqualTypeOf<{ url: string }>();
        await Promise.resolve();
      },
    });

    definePlugin({
      name: 'typetest-none',
      version: '1.0.0',
      setup(ctx, config) {
        expectTypeOf(config).toBeUndefined();
        ctx.events.on('plugin.ready', (ready) => {
          expectTypeOf(ready.plugin).toBeString();
        });
        // @ts-expect-error -- payload must match the event map
        ctx.events.emit('plugin.ready', { nope: 1 });
      },
    });
  });

  it('accepts zod and zod/mini schemas as validators', () => {
    expectTypeOf(z.object({ a: z.string() })).toExtend<Validator<{ a: string }>>();
    expectTypeOf(zm.object({ a: zm.string() })).toExtend<Validator<{ a: string }>>();
    expectTypeOf({ parse: () => 1 }).not.toExtend<Validator<number>>();
  });
});

describe('action types', () => {
  interface Actions {
    'contact.accept': { payload: { contactId: string }; result: undefined };
    'contact.count': { payload: undefined; result: number };
  }
  const registry = createActionRegistry<Actions>();
  const caller = { roles: ['agent'] } as const;

  it('types invoke and hooks from the action map and leaves other names unknown', () => {
    expectTypeOf(registry.invoke('contact.accept', { contactId: 'c1' }, caller)).toEqualTypeOf<
      Promise<undefined>
    >();
    expectTypeOf(registry.invoke('contact.count', undefined, caller)).toEqualTypeOf<
      Promise<number>
    >();
    // @ts-expect-error -- wrong payload for a known action
    void registry.invoke('contact.accept', { id: 'c1' }, caller);
    expectTypeOf(registry.invoke('plugin.thing', 42, caller)).toEqualTypeOf<Promise<unknown>>();
    registry.before('contact.accept', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<{ contactId: string }>();
      return payload.contactId === '' ? { cancel: 'empty' } : undefined;
    });
    registry.after('contact.count', (_payload, result) => {
      expectTypeOf(result).toBeNumber();
    });
    registry.replace('contact.count', async (_payload, _call, next) => (await next()) + 1);
  });

  it('infers the payload from the schema and the result from run', () => {
    const action = defineAction({
      name: 'contact.count',
      schema: zm.object({ queue: zm.optional(zm.string()) }),
      roles: ['supervisor'],
      run: async (payload) => {
        expectTypeOf(payload).toEqualTypeOf<{ queue?: string | undefined }>();
        await Promise.resolve();
        return 3;
      },
    });
    expectTypeOf(action.name).toEqualTypeOf<'contact.count'>();
    expectTypeOf<ReturnType<typeof action.run>>().toEqualTypeOf<number | Promise<number>>();
  });
  it("types ctx.state as the desk's snapshot, so plugins read it without a cast", () => {
    definePlugin({
      name: 'typetest-reader',
      version: '1.0.0',
      permissions: ['state:read'],
      setup(ctx) {
        expectTypeOf(ctx.state.getSnapshot()).toEqualTypeOf<DeskSnapshot>();
        expectTypeOf(ctx.state.getSnapshot().contacts).toEqualTypeOf<readonly Contact[]>();
      },
    });
  });
});
