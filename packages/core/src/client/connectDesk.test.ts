import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createContactCenter } from '../center/contactCenter';
import { createDeskSelector } from '../desk/deskSnapshot';
import { createCenterServer } from '../protocol/centerServer';
import { createInProcessTransport } from '../protocol/inProcessTransport';
import type { ClientMessage, ServerMessage, Transport } from '../protocol/messages';
import { createVirtualClock } from '../testing/virtualClock';
import { rejectionOf } from '../../test/rejectionOf';
import { connectDesk } from './connectDesk';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(historyLimit?: number) {
  const clock = createVirtualClock();
  let next = 0;
  const center = createContactCenter({
    clock,
    createId: () => `c${++next}`,
    queues: [{ id: 'q', name: 'Q' }],
    rules: { wrapUpLimitMs: null },
  });
  center.registerAgent({ id: 'ada', name: 'Ada', capacity: { chat: 2 } });
  center.registerAgent({ id: 'sam', name: 'Sam', roles: ['agent', 'supervisor'] });
  const server = createCenterServer(center, { clock, historyLimit });
  const links: Transport<ClientMessage, ServerMessage>[] = [];
  const connect = () => {
    const { client, server: end } = createInProcessTransport();
    server.accept(end);
    links.push(client);
    return client;
  };
  /** Drops the newest link, as a network cut would. */
  const cut = () => links.at(-1)?.close();
  /** What an in-process desk of `agentId` would see now. */
  const truth = (agentId: string) => createDeskSelector(agentId as never)(center.getSnapshot());
  return { clock, center, server, connect, cut, truth, links };
}

describe('connectDesk', () => {
  it('mirrors the agent’s desk and runs operations on the server', async () => {
    const { clock, center, connect, truth } = setup();
    const desk = await connectDesk({ agentId: 'ada', connect, clock });
    expect(desk.connection()).toBe('open');
    expect(desk.getSnapshot().agent.presence.status).toBe('offline');

    let changes = 0;
    desk.subscribe(() => (changes += 1));
    const offers: string[] = [];
    desk.events.on('contact.offered', ({ contactId }) => offers.push(contactId));
    await desk.login();
    const chat = center.openContact({ channel: 'chat', queueId: 'q' });
    expect(offers).toEqual([chat.id]);
    const accepted = await desk.accept(chat.id);
    expect(accepted.status).toBe('connected');
    expect(desk.getSnapshot()).toEqual(truth('ada'));
    expect(desk.getSnapshot().activity.chat).toBe('engaged');
    expect(changes).toBeGreaterThanOrEqual(3);
    await desk.dispose();
    expect(desk.connection()).toBe('closed');
  });

  it('rejects refused operations with the server’s code and issues', async () => {
    const { clock, connect } = setup();
    const desk = await connectDesk({ agentId: 'ada', connect, clock });
    const refused = await rejectionOf(desk.accept('c404'));
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    const invalid = await rejectionOf(desk.setStatus({ status: 'notReady', reason: '' }));
    expect(invalid).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(invalid.issues.length).toBeGreaterThan(0);
    await desk.dispose();
  });

  it('refuses a user the centre does not know, with the server’s reason', async () => {
    const { connect } = setup();
    const error = await rejectionOf(connectDesk({ agentId: 'nobody', connect }));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', details: { reason: 'NOT_FOUND' } });
  });

  it('reconnects after a drop and replays what it missed', async () => {
    const { clock, center, connect, cut, truth, links } = setup();
    const desk = await connectDesk({ agentId: 'ada', connect, clock });
    await desk.login();
    const statuses: string[] = [];
    desk.onConnection((status) => statuses.push(status));
    const seen: string[] = [];
    desk.events.on('contact.offered', ({ contactId }) => seen.push(contactId));

    cut();
    expect(desk.connection()).toBe('reconnecting');
    expect(await rejectionOf(desk.accept('c1'))).toMatchObject({ code: 'UNAVAILABLE' });
    const missed = center.openContact({ channel: 'chat', queueId: 'q' });
    clock.advance(1_000);
    expect(links).toHaveLength(2);
    expect(statuses).toEqual(['reconnecting', 'open']);
    expect(seen).toEqual([missed.id]);
    expect(desk.getSnapshot()).toEqual(truth('ada'));
    await desk.dispose();
  });

  it('starts from a fresh snapshot when the server no longer has the missed events', async () => {
    const { clock, center, connect, cut, truth } = setup(2);
    const desk = await connectDesk({ agentId: 'ada', connect, clock });
    await desk.login();
    cut();
    for (let index = 0; index < 3; index += 1)
      center.openContact({ channel: 'chat', queueId: 'q' });
    clock.advance(1_000);
    expect(desk.connection()).toBe('open');
    expect(desk.getSnapshot()).toEqual(truth('ada'));
    expect(desk.getSnapshot().contacts).toHaveLength(2);
    await desk.dispose();
  });

  it('rejects a command in flight when the link drops before its result', async () => {
    const { clock, connect, cut, truth } = setup();
    const desk = await connectDesk({ agentId: 'ada', connect, clock });
    const inFlight = desk.login();
    cut();
    await expect(inFlight).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    clock.advance(15_000);
    // Whether the server ran it or not, the desk shows what the server has once it is back.
    expect(desk.connection()).toBe('open');
    expect(desk.getSnapshot()).toEqual(truth('ada'));
    await desk.dispose();
  });

  it('gives up after maxReconnects failed attempts and closes', async () => {
    const { clock, connect, cut } = setup();
    let reachable = true;
    let attempts = 0;
    const desk = await connectDesk({
      agentId: 'ada',
      clock,
      maxReconnects: 3,
      connect: () => {
        attempts += 1;
        if (!reachable) throw new Error('connection refused');
        return connect();
      },
    });
    reachable = false;
    cut();
    for (let index = 0; index < 10; index += 1) clock.advance(20_000);
    expect(desk.connection()).toBe('closed');
    expect(attempts).toBe(1 + 3);
    expect(await rejectionOf(desk.login())).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('shows a supervisor every agent’s events', async () => {
    const { clock, center, connect } = setup();
    const sam = await connectDesk({ agentId: 'sam', connect, clock });
    const names: string[] = [];
    sam.events.onAny((name) => names.push(name));
    center.agentCommand('ada', { type: 'login' });
    expect(names).toContain('agent.statusChanged');
    await sam.dispose();
  });
});

const operation = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), channel: fc.constantFrom('chat', 'voice') }),
  fc.record({
    kind: fc.constantFrom(
      'accept' as const,
      'reject' as const,
      'wrapUp' as const,
      'complete' as const,
      'hold' as const,
    ),
    pick: fc.nat(5),
  }),
  fc.record({ kind: fc.constantFrom('available' as const, 'break' as const) }),
  fc.record({ kind: fc.constant('cut' as const) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 20_000 }) }),
);

describe('connectDesk, property', () => {
  // Half the runs keep a history of 2 events: reconnections there mostly get a fresh snapshot.
  test.prop([fc.array(operation, { maxLength: 20, size: 'max' }), fc.constantFrom(undefined, 2)], {
    numRuns: 50,
  })(
    'the mirrored desk equals the server’s view after any run of operations and drops',
    async (operations, historyLimit) => {
      const { clock, center, connect, cut, truth } = setup(historyLimit);
      const desk = await connectDesk({ agentId: 'ada', connect, clock, maxReconnects: 1_000 });
      await desk.login();
      for (const step of operations) {
        const held = truth('ada')?.contacts ?? [];
        const contactId = 'pick' in step ? held[step.pick % Math.max(1, held.length)]?.id : '';
        switch (step.kind) {
          case 'open':
            center.openContact({ channel: step.channel, queueId: 'q' });
            break;
          case 'cut':
            cut();
            break;
          case 'advance':
            clock.advance(step.ms);
            break;
          case 'available':
            await desk.setStatus({ status: 'available' }).catch(() => undefined);
            break;
          case 'break':
            await desk.setStatus({ status: 'notReady', reason: 'break' }).catch(() => undefined);
            break;
          default:
            if (contactId) await desk[step.kind](contactId).catch(() => undefined);
        }
        await flush();
      }
      clock.advance(20_000);
      await flush();
      expect(desk.connection()).toBe('open');
      expect(desk.getSnapshot()).toEqual(truth('ada'));
      await desk.dispose();
    },
    30_000,
  );
});
