import { createTestHost } from '@switchboard/core/testing';
import { describe, expect, it } from 'vitest';
import { carrierPigeon, createLoft, createPigeonCoop } from './index';

describe('carrier-pigeon', () => {
  it('shows a landed note to the agent who takes it, and flies the reply back', async () => {
    const coop = createPigeonCoop();
    const host = await createTestHost({
      plugins: [{ plugin: carrierPigeon, config: { post: coop, flightMs: 60_000 } }],
    });
    const loft = createLoft({ center: host.center });
    const contact = loft.land({ from: 'Grace', to: 'centre', text: 'My parcel is late' });
    const api = host.plugin('carrier-pigeon');
    expect(api.getSnapshot().inbox).toEqual({}); // offered, not taken yet

    await host.desk.accept(contact.id);
    expect(api.getSnapshot().inbox[contact.id]?.text).toBe('My parcel is late');
    api.reply(contact.id, 'On its way!');
    expect(api.getSnapshot().inFlight).toBe(1);
    host.advance(59_999);
    await host.flush();
    expect(coop.sent).toEqual([]);
    host.advance(1);
    await host.flush();
    expect(coop.sent).toEqual([{ from: 'agent-1', to: 'Grace', text: 'On its way!' }]);
    expect(api.getSnapshot().inFlight).toBe(0);
    expect(host.events.of('carrier-pigeon.landed')).toHaveLength(1);
    expect(host.failures()).toEqual([]);
    await host.dispose();
  });

  it('refuses what a pigeon cannot carry, and survives a throwing listener', async () => {
    const host = await createTestHost({
      plugins: [{ plugin: carrierPigeon, config: { post: createPigeonCoop(), flightMs: 0 } }],
    });
    const loft = createLoft({ center: host.center });
    expect(() => loft.land({ from: '', to: 'centre', text: 'hi' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    const contact = loft.land({ from: 'Alan', to: 'centre', text: 'Hello' });
    await host.desk.accept(contact.id);
    const api = host.plugin('carrier-pigeon');
    expect(() => {
      api.reply('nobody', 'hi');
    }).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => {
      api.reply(contact.id, 'x'.repeat(281));
    }).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    host.desk.events.on('carrier-pigeon.landed', () => {
      throw new Error('a host listener broke');
    });
    api.subscribe(() => {
      throw new Error('a subscriber broke');
    });
    api.reply(contact.id, 'Hi Alan');
    host.advance(0);
    await host.flush();
    expect(host.failures()).toEqual([expect.objectContaining({ phase: 'listener' })]);
    await host.desk.wrapUp(contact.id);
    await host.desk.complete(contact.id);
    expect(host.desk.getSnapshot().contacts).toEqual([]);
    await host.dispose();
  });

  it('counts a pigeon lost when the post throws at once, like one that rejects', async () => {
    const post = {
      send: (): Promise<void> => {
        throw new Error('the coop is locked');
      },
    };
    const host = await createTestHost({
      plugins: [{ plugin: carrierPigeon, config: { post, flightMs: 0 } }],
    });
    const contact = createLoft({ center: host.center }).land({
      from: 'Ada',
      to: 'centre',
      text: 'Hello',
    });
    await host.desk.accept(contact.id);
    const api = host.plugin('carrier-pigeon');
    api.reply(contact.id, 'Hi Ada');
    host.advance(0);
    await host.flush();
    expect(api.getSnapshot().inFlight).toBe(0);
    expect(host.events.of('carrier-pigeon.landed')).toEqual([]);
    expect(host.failures()).toEqual([]);
    await host.dispose();
  });
});
