import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import * as zm from 'zod/mini';
import { createActionRegistry } from './actionRegistry';
import type { ActionRegistryOptions } from './actionRegistryTypes';
import type { Caller } from './actionTypes';
import { defineAction } from './defineAction';
import { rejectionOf } from '../../test/rejectionOf';

const agent: Caller = { roles: ['agent'], agentId: 'a1' };
const supervisor: Caller = { roles: ['supervisor'] };

/** The typed map the tests use. */
interface TestActions {
  'note.add': { payload: { text: string; pinned?: boolean }; result: string };
}

/** A registry with `note.add` registered; `run` records its calls. */
function setup(options: ActionRegistryOptions = {}) {
  const registry = createActionRegistry<TestActions>(options);
  const run = vi.fn((payload: { text: string; pinned: boolean }) => `note:${payload.text}`);
  registry.register(
    defineAction({
      name: 'note.add',
      schema: z.object({ text: z.string().min(1), pinned: z.boolean().default(false) }),
      roles: ['agent', 'admin'],
      run,
    }),
  );
  return { registry, run };
}

describe('createActionRegistry: invoke', () => {
  it('runs the built-in with the parsed payload and the call, and resolves its result', async () => {
    const { registry, run } = setup();
    await expect(registry.invoke('note.add', { text: 'hi' }, agent)).resolves.toBe('note:hi');
    expect(run).toHaveBeenCalledWith(
      { text: 'hi', pinned: false },
      { action: registry.get('note.add'), caller: agent },
    );
  });

  it('rejects UNKNOWN_ACTION for an unregistered name', async () => {
    const { registry } = setup();
    const error = await rejectionOf(registry.invoke('note.remove', {}, agent));
    expect(error.code).toBe('UNKNOWN_ACTION');
    expect(error.details).toEqual({ action: 'note.remove' });
  });

  it('rejects VALIDATION_FAILED with the issues and runs nothing', async () => {
    const { registry, run } = setup();
    const before = vi.fn();
    const after = vi.fn();
    registry.before('note.add', before);
    registry.after('note.add', after);
    const error = await rejectionOf(
      registry.invoke('note.add', { text: '', pinned: 'yes' as unknown as boolean }, agent),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues.map((issue) => issue.path)).toEqual([['text'], ['pinned']]);
    expect(error.issues.every((issue) => typeof issue.message === 'string')).toBe(true);
    expect(before).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  });

  it('accepts zod/mini schemas too', async () => {
    const registry = createActionRegistry();
    registry.register(
      defineAction({
        name: 'mini.double',
        schema: zm.object({ n: zm.number() }),
        run: ({ n }) => n * 2,
      }),
    );
    await expect(registry.invoke('mini.double', { n: 4 }, agent)).resolves.toBe(8);
    const error = await rejectionOf(registry.invoke('mini.double', { n: 'x' }, agent));
    expect(error.issues[0]?.path).toEqual(['n']);
  });

  it('rejects PERMISSION_DENIED when the caller holds none of the allowed roles', async () => {
    const { registry, run } = setup();
    const before = vi.fn();
    registry.before('note.add', before);
    const error = await rejectionOf(registry.invoke('note.add', { text: 'hi' }, supervisor));
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.details).toMatchObject({ action: 'note.add', roles: ['agent', 'admin'] });
    expect(before).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
    await expect(
      registry.invoke('note.add', { text: 'hi' }, { roles: ['supervisor', 'admin'] }),
    ).resolves.toBe('note:hi');
  });

  it('lets every role invoke an action without roles', async () => {
    const registry = createActionRegistry();
    registry.register(defineAction({ name: 'x.ping', schema: z.undefined(), run: () => 'pong' }));
    await expect(registry.invoke('x.ping', undefined, supervisor)).resolves.toBe('pong');
  });

  it('passes errors of the implementation to the caller unchanged, sync or async', async () => {
    const registry = createActionRegistry();
    const boom = new TypeError('boom');
    registry.register(
      defineAction({
        name: 'x.sync',
        schema: z.unknown(),
        run: () => {
          throw boom;
        },
      }),
    );
    registry.register(
      defineAction({ name: 'x.async', schema: z.unknown(), run: () => Promise.reject(boom) }),
    );
    const after = vi.fn();
    registry.after('x.async', after);
    await expect(registry.invoke('x.sync', 1, agent)).rejects.toBe(boom);
    await expect(registry.invoke('x.async', 1, agent)).rejects.toBe(boom);
    expect(after).not.toHaveBeenCalled();
  });
});

describe('createActionRegistry: hooks', () => {
  it('runs before hooks, the implementation and after hooks in the documented order', async () => {
    const { registry } = setup();
    const order: string[] = [];
    registry.after('note.add', () => {
      order.push('after 1');
    });
    registry.before('note.add', async () => {
      await Promise.resolve();
      order.push('before 1');
    });
    registry.replace('note.add', async (_payload, _call, next) => {
      order.push('replace');
      const result = await next();
      order.push('replace done');
      return result;
    });
    registry.before('note.add', () => {
      order.push('before 2');
    });
    registry.after('note.add', async () => {
      await Promise.resolve();
      order.push('after 2');
    });
    await registry.invoke('note.add', { text: 'hi' }, agent);
    expect(order).toEqual([
      'before 1',
      'before 2',
      'replace',
      'replace done',
      'after 1',
      'after 2',
    ]);
  });

  it('cancels with ACTION_CANCELLED when a before hook returns { cancel }', async () => {
    const { registry, run } = setup();
    const later = vi.fn();
    const after = vi.fn();
    registry.before(
      'note.add',
      ({ text }) => (text === 'card' ? { cancel: 'no PANs' } : undefined),
      'pci',
    );
    registry.before('note.add', later);
    registry.after('note.add', after);
    const error = await rejectionOf(registry.invoke('note.add', { text: 'card' }, agent));
    expect(error.code).toBe('ACTION_CANCELLED');
    expect(error.details).toEqual({ action: 'note.add', reason: 'no PANs', by: 'pci' });
    expect(later).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
    await expect(registry.invoke('note.add', { text: 'ok' }, agent)).resolves.toBe('note:ok');
    expect(later).toHaveBeenCalledOnce();
  });

  it('reports a throwing or rejecting before hook and skips it without cancelling', async () => {
    const onHookError = vi.fn();
    const { registry, run } = setup({ onHookError });
    const boom = new Error('boom');
    const next = vi.fn();
    registry.before(
      'note.add',
      () => {
        throw boom;
      },
      'bad',
    );
    registry.before('note.add', () => Promise.reject(boom));
    registry.before('note.add', next);
    await expect(registry.invoke('note.add', { text: 'hi' }, agent)).resolves.toBe('note:hi');
    expect(onHookError.mock.calls).toEqual([
      [boom, { plugin: 'bad', action: 'note.add', kind: 'before' }],
      [boom, { plugin: undefined, action: 'note.add', kind: 'before' }],
    ]);
    expect(next).toHaveBeenCalledOnce();
    expect(run).toHaveBeenCalledOnce();
  });

  it('gives after hooks the payload, result and call; a throwing one is reported, the result intact', async () => {
    const onHookError = vi.fn(() => {
      throw new Error('the handler itself fails');
    });
    const { registry } = setup({ onHookError });
    const seen = vi.fn();
    const boom = new Error('boom');
    registry.after(
      'note.add',
      () => {
        throw boom;
      },
      'audit',
    );
    registry.after('note.add', seen);
    await expect(registry.invoke('note.add', { text: 'hi' }, agent)).resolves.toBe('note:hi');
    expect(onHookError).toHaveBeenCalledWith(boom, {
      plugin: 'audit',
      action: 'note.add',
      kind: 'after',
    });
    expect(seen).toHaveBeenCalledWith({ text: 'hi', pinned: false }, 'note:hi', {
      action: registry.get('note.add'),
      caller: agent,
    });
  });

  it('runs a replace implementation instead of the built-in, which next() runs', async () => {
    const { registry, run } = setup();
    registry.replace('note.add', (payload) => `replaced:${payload.text}`);
    await expect(registry.invoke('note.add', { text: 'a' }, agent)).resolves.toBe('replaced:a');
    expect(run).not.toHaveBeenCalled();
  });

  it('runs the built-in with a changed payload given to next(), validated again', async () => {
    const { registry, run } = setup();
    registry.replace('note.add', (payload, _call, next) =>
      next({ ...payload, text: payload.text.toUpperCase() }),
    );
    await registry.invoke('note.add', { text: 'card 4242' }, agent);
    expect(run).toHaveBeenCalledWith({ text: 'CARD 4242', pinned: false }, expect.anything());
  });

  it('refuses a changed payload that fails the schema with VALIDATION_FAILED', async () => {
    const { registry, run } = setup();
    registry.replace('note.add', (_payload, _call, next) =>
      next({ text: 42 } as unknown as { text: string; pinned: boolean }),
    );
    await expect(registry.invoke('note.add', { text: 'a' }, agent)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('turns a synchronous throw of the built-in into a rejection of next()', async () => {
    const registry = createActionRegistry();
    const boom = new Error('boom');
    registry.register(
      defineAction({
        name: 'x.fail',
        schema: z.unknown(),
        run: () => {
          throw boom;
        },
      }),
    );
    registry.replace('x.fail', async (_payload, _call, next) => {
      await expect(next()).rejects.toBe(boom);
      return 'recovered';
    });
    await expect(registry.invoke('x.fail', null, agent)).resolves.toBe('recovered');
  });

  it('rejects a second replace with PLUGIN_INVALID and accepts one after unsubscribing', () => {
    const { registry } = setup();
    const off = registry.replace('note.add', () => 'one', 'first');
    expect(() => registry.replace('note.add', () => 'two', 'second')).toThrow(
      expect.objectContaining({
        code: 'PLUGIN_INVALID',
        details: { action: 'note.add', replacedBy: 'first', owner: 'second' },
      }),
    );
    off();
    off();
    expect(() => registry.replace('note.add', () => 'two')).not.toThrow();
    expect(() => registry.replace('note.add', () => 'three')).toThrow(
      expect.objectContaining({
        code: 'PLUGIN_INVALID',
        message: 'Action "note.add" is already replaced.',
      }),
    );
  });

  it('removes hooks with the functions they return', async () => {
    const { registry, run } = setup();
    const before = vi.fn(() => ({ cancel: 'no' }));
    const after = vi.fn();
    const offBefore = registry.before('note.add', before);
    const offAfter = registry.after('note.add', after);
    const offReplace = registry.replace('note.add', () => 'replaced');
    offBefore();
    offAfter();
    offReplace();
    offBefore();
    await expect(registry.invoke('note.add', { text: 'hi' }, agent)).resolves.toBe('note:hi');
    expect(before).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
    expect(run).toHaveBeenCalledOnce();
  });

  it('applies hooks registered before their action, and keeps them across re-registration', async () => {
    const registry = createActionRegistry();
    const after = vi.fn<(payload: unknown, result: unknown) => undefined>();
    registry.after('late.action', after);
    const definition = defineAction({ name: 'late.action', schema: z.number(), run: (n) => n + 1 });
    const off = registry.register(definition);
    await registry.invoke('late.action', 1, agent);
    off();
    expect(registry.has('late.action')).toBe(false);
    registry.register(definition);
    await registry.invoke('late.action', 2, agent);
    expect(after.mock.calls.map((call) => call[1])).toEqual([2, 3]);
  });

  it('reads a snapshot of the hooks: a hook added during an invocation applies from the next one', async () => {
    const { registry } = setup();
    const added = vi.fn();
    registry.before('note.add', () => {
      registry.before('note.add', added);
    });
    await registry.invoke('note.add', { text: 'a' }, agent);
    expect(added).not.toHaveBeenCalled();
    await registry.invoke('note.add', { text: 'b' }, agent);
    expect(added).toHaveBeenCalledOnce();
  });
});

describe('createActionRegistry: registration', () => {
  it('lists, gets and unregisters actions with frozen metadata', () => {
    const { registry } = setup();
    const schema = z.string();
    const off = registry.register(
      defineAction({
        name: 'contact.dial',
        schema,
        permission: 'contact:write',
        sensitive: true,
        run: () => undefined,
      }),
    );
    expect(registry.list().map((info) => info.name)).toEqual(['note.add', 'contact.dial']);
    expect(registry.get('note.add')).toEqual(
      expect.objectContaining({
        roles: ['agent', 'admin'],
        permission: undefined,
        sensitive: false,
      }),
    );
    expect(registry.get('contact.dial')).toMatchObject({
      permission: 'contact:write',
      sensitive: true,
      schema,
    });
    expect(Object.isFrozen(registry.get('note.add'))).toBe(true);
    off();
    off();
    expect(registry.has('contact.dial')).toBe(false);
    expect(registry.get('contact.dial')).toBeUndefined();
  });

  it('rejects a duplicate name with ACTION_DUPLICATE', () => {
    const { registry } = setup();
    const duplicate = defineAction({ name: 'note.add', schema: z.unknown(), run: () => 1 });
    expect(() => registry.register(duplicate)).toThrow(
      expect.objectContaining({ code: 'ACTION_DUPLICATE', details: { action: 'note.add' } }),
    );
  });

  it('unregistering a replaced definition leaves the newer registration alone', () => {
    const registry = createActionRegistry();
    const definition = defineAction({ name: 'x.y', schema: z.unknown(), run: () => 1 });
    const off = registry.register(definition);
    off();
    registry.register(definition);
    off();
    expect(registry.has('x.y')).toBe(true);
  });

  it('validates plain-object definitions at registration', () => {
    const registry = createActionRegistry();
    expect(() =>
      registry.register({ name: 'bad name', schema: z.unknown(), run: () => 1 }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
