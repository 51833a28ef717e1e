import { describe, expect, it } from 'vitest';
import { createEventBus } from './eventBus';

interface Events {
  'call.started': { id: string };
  'call.ended': { id: string; reason: string };
}

function setup() {
  const errors: { error: unknown; event: string }[] = [];
  const bus = createEventBus<Events>((error, event) => errors.push({ error, event }));
  return { bus, errors };
}

describe('createEventBus', () => {
  it('delivers the payload to the listeners of that event only', () => {
    const { bus } = setup();
    const started: string[] = [];
    const ended: string[] = [];
    bus.on('call.started', ({ id }) => started.push(id));
    bus.on('call.ended', ({ id, reason }) => ended.push(`${id}:${reason}`));
    bus.emit('call.started', { id: 'c1' });
    bus.emit('call.ended', { id: 'c1', reason: 'hangup' });
    bus.emit('call.started', { id: 'c2' });
    expect(started).toEqual(['c1', 'c2']);
    expect(ended).toEqual(['c1:hangup']);
  });

  it('passes the very payload object emitted', () => {
    const { bus } = setup();
    const payload = { id: 'c1' };
    let received: unknown;
    bus.on('call.started', (value) => (received = value));
    bus.emit('call.started', payload);
    expect(received).toBe(payload);
  });

  it('calls listeners in subscription order, then onAny listeners', () => {
    const { bus } = setup();
    const calls: string[] = [];
    bus.onAny(() => calls.push('any'));
    bus.on('call.started', () => calls.push('first'));
    bus.once('call.started', () => calls.push('once'));
    bus.on('call.started', () => calls.push('third'));
    bus.emit('call.started', { id: 'c1' });
    expect(calls).toEqual(['first', 'once', 'third', 'any']);
  });

  it('stops calling a listener once unsubscribed; unsubscribing twice is harmless', () => {
    const { bus } = setup();
    const calls: string[] = [];
    const off = bus.on('call.started', ({ id }) => calls.push(`a:${id}`));
    bus.on('call.started', ({ id }) => calls.push(`b:${id}`));
    bus.emit('call.started', { id: '1' });
    off();
    off();
    bus.emit('call.started', { id: '2' });
    expect(calls).toEqual(['a:1', 'b:1', 'b:2']);
  });

  it('unsubscribes only the listener it was returned for, even when the same function is added twice', () => {
    const { bus } = setup();
    const calls: string[] = [];
    const listener = ({ id }: { id: string }) => calls.push(id);
    const off = bus.on('call.started', listener);
    bus.on('call.started', listener);
    off();
    bus.emit('call.started', { id: 'x' });
    expect(calls).toEqual(['x']);
  });

  it('once fires on the next event only, and can be cancelled before it fires', () => {
    const { bus } = setup();
    const calls: string[] = [];
    bus.once('call.started', ({ id }) => calls.push(`once:${id}`));
    const cancel = bus.once('call.ended', ({ id }) => calls.push(`cancelled:${id}`));
    cancel();
    bus.emit('call.started', { id: '1' });
    bus.emit('call.started', { id: '2' });
    bus.emit('call.ended', { id: '1', reason: 'hangup' });
    expect(calls).toEqual(['once:1']);
  });

  it('onAny receives the name and payload of every event until unsubscribed', () => {
    const { bus } = setup();
    const seen: [string, unknown][] = [];
    const off = bus.onAny((event, payload) => seen.push([event, payload]));
    bus.emit('call.started', { id: 'c1' });
    bus.emit('call.ended', { id: 'c1', reason: 'hangup' });
    off();
    bus.emit('call.started', { id: 'c2' });
    expect(seen).toEqual([
      ['call.started', { id: 'c1' }],
      ['call.ended', { id: 'c1', reason: 'hangup' }],
    ]);
  });

  it('reports a throwing listener with the event name and goes on with the others', () => {
    const { bus, errors } = setup();
    const calls: string[] = [];
    const boom = new Error('boom');
    bus.on('call.started', () => calls.push('before'));
    bus.on('call.started', () => {
      throw boom;
    });
    const onceBoom = new Error('once failed');
    bus.once('call.started', () => {
      throw onceBoom;
    });
    bus.on('call.started', () => calls.push('after'));
    bus.onAny(() => {
      throw new Error('any failed');
    });
    bus.onAny((event) => calls.push(`any:${event}`));
    expect(() => {
      bus.emit('call.started', { id: 'c1' });
    }).not.toThrow();
    expect(calls).toEqual(['before', 'after', 'any:call.started']);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toEqual({ error: boom, event: 'call.started' });
    expect(errors[1]).toEqual({ error: onceBoom, event: 'call.started' });
    expect(errors[2]?.event).toBe('*');
    expect((errors[2]?.error as Error).message).toBe('any failed');
    // The bus keeps working, and the failed once listener is gone.
    bus.emit('call.started', { id: 'c2' });
    expect(errors).toHaveLength(5);
    expect(calls).toEqual([
      'before',
      'after',
      'any:call.started',
      'before',
      'after',
      'any:call.started',
    ]);
  });

  it('swallows listener errors when no handler is given', () => {
    const bus = createEventBus<Events>();
    const calls: string[] = [];
    bus.on('call.started', () => {
      throw new Error('ignored');
    });
    bus.on('call.started', ({ id }) => calls.push(id));
    expect(() => {
      bus.emit('call.started', { id: 'c1' });
    }).not.toThrow();
    expect(calls).toEqual(['c1']);
  });

  it('emitting with no listeners does nothing', () => {
    const { bus, errors } = setup();
    expect(() => {
      bus.emit('call.ended', { id: 'c1', reason: 'hangup' });
    }).not.toThrow();
    expect(errors).toEqual([]);
  });
  it('walks the listeners there were when an emit began', () => {
    const { bus } = setup();
    const calls: string[] = [];
    let offSecond: () => void = () => undefined;
    bus.on('call.started', () => {
      calls.push('first');
      offSecond();
      bus.on('call.started', () => calls.push('added'));
    });
    offSecond = bus.on('call.started', () => calls.push('second'));
    bus.emit('call.started', { id: '1' });
    // Removed during the emit: still called in it; added during it: from the next one.
    expect(calls).toEqual(['first', 'second']);
    calls.length = 0;
    bus.emit('call.started', { id: '2' });
    // The second listener added by this emit waits for the next one.
    expect(calls).toEqual(['first', 'added']);
  });

  it('removes a once listener before calling it, so an emit from inside it does not call it again', () => {
    const { bus } = setup();
    const seen: string[] = [];
    bus.once('call.started', ({ id }) => {
      seen.push(id);
      bus.emit('call.started', { id: `${id}-again` });
    });
    bus.emit('call.started', { id: '1' });
    bus.emit('call.started', { id: '2' });
    expect(seen).toEqual(['1']);
  });
});
