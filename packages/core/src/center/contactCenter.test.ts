import { describe, expect, it, vi } from 'vitest';
import { contactCommandSchema } from '../contact/contactCommands';
import { isSwitchboardError } from '../errors';
import { silentLogger } from '../ports/logger';
import { createTestCenter } from '../../test/testCenter';
import type { ContactCenterOptions } from './contactCenter';

function setup(options: ContactCenterOptions = {}) {
  const { clock, center } = createTestCenter({
    queues: [
      { id: 'support', name: 'Support' },
      { id: 'billing', name: 'Billing', requiredSkills: [{ skill: 'billing', minProficiency: 5 }] },
      { id: 'vip', name: 'VIP', priority: 5 },
    ],
    agents: [],
    ...options,
  });
  const events: string[] = [];
  center.events.onAny((name) => events.push(name));
  return { clock, center, events };
}

function expectError(run: () => unknown, code: string) {
  try {
    run();
  } catch (error) {
    expect(isSwitchboardError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
    return error;
  }
  throw new Error(`expected ${code}`);
}

describe('createContactCenter', () => {
  it('offers a queued contact to an available agent at once and emits the events in order', () => {
    const { center, events } = setup();
    center.registerAgent({ id: 'ada', name: 'Ada' });
    center.agentCommand('ada', { type: 'login' });
    const contact = center.openContact({ channel: 'voice', queueId: 'support' });
    const offered = center.getSnapshot().contacts.get(contact.id);
    expect(offered?.status).toBe('offered');
    expect(offered?.agentId).toBe('ada');
    expect(events).toEqual([
      'agent.registered',
      'agent.statusChanged',
      'contact.created',
      'contact.queued',
      'contact.offered',
    ]);
  });

  it("gives each listener the event's fields and its subject's state right after it", () => {
    const { center } = setup();
    const seen: { name: string; payload: Record<string, unknown> }[] = [];
    center.events.onAny((name, payload) => {
      seen.push({ name, payload: payload as unknown as Record<string, unknown> });
    });
    center.registerAgent({ id: 'ada', name: 'Ada' });
    center.agentCommand('ada', { type: 'login' });
    const contact = center.openContact({ id: 'c1', channel: 'voice', queueId: 'support' });
    const queued = seen.find((event) => event.name === 'contact.queued')?.payload;
    expect(queued).toMatchObject({ type: 'contact.queued', contactId: 'c1', queueId: 'support' });
    expect(queued?.state).toMatchObject({ id: 'c1', status: 'queued', agentId: null });
    const offered = seen.find((event) => event.name === 'contact.offered')?.payload;
    expect(offered).toMatchObject({ type: 'contact.offered', contactId: 'c1', agentId: 'ada' });
    expect(offered?.state).toBe(center.getSnapshot().contacts.get(contact.id));
    const login = seen.find((event) => event.name === 'agent.statusChanged')?.payload;
    expect((login?.state as { presence: { status: string } }).presence.status).toBe('available');
    expect(new Set(seen.map((event) => event.payload)).size).toBe(seen.length);
  });

  it('registers the agents of its options, offline, before anything else', () => {
    const { center, events } = setup({
      agents: [
        { id: 'ada', name: 'Ada' },
        { id: 'sue', name: 'Sue', roles: ['agent', 'supervisor'] },
      ],
    });
    const { agents } = center.getSnapshot();
    expect(
      [...agents.values()].map((agent) => [agent.profile.id, agent.presence.status]).sort(),
    ).toEqual([
      ['ada', 'offline'],
      ['sue', 'offline'],
    ]);
    expect(agents.get('sue')?.profile.roles).toEqual(['agent', 'supervisor']);
    expect(events).toEqual([]); // registered before anyone could listen
    expectError(
      () =>
        createTestCenter({
          agents: [
            { id: 'ada', name: 'Ada' },
            { id: 'ada', name: 'Ada' },
          ],
        }),
      'ALREADY_EXISTS',
    );
  });

  it('waits while nobody is available and routes when an agent becomes available', () => {
    const { center } = setup();
    center.registerAgent({ id: 'ada', name: 'Ada' });
    const contact = center.openContact({ channel: 'chat', queueId: 'support' });
    expect(center.getSnapshot().contacts.get(contact.id)?.status).toBe('queued');
    center.agentCommand('ada', { type: 'login', reason: 'break' });
    expect(center.getSnapshot().contacts.get(contact.id)?.status).toBe('queued');
    center.agentCommand('ada', { type: 'setAvailable' });
    expect(center.getSnapshot().contacts.get(contact.id)?.status).toBe('offered');
  });

  it('connects chat on accept but leaves voice accepted until media connects', () => {
    const { center } = setup();
    center.registerAgent({ id: 'ada', name: 'Ada' });
    center.agentCommand('ada', { type: 'login' });
    const chat = center.openContact({ channel: 'chat', queueId: 'support' });
    expect(center.contactCommand(chat.id, { type: 'accept', agentId: 'ada' }).status).toBe(
      'connected',
    );
    center.contactCommand(chat.id, { type: 'end' });
    center.contactCommand(chat.id, { type: 'complete' });
    const call = center.openContact({ channel: 'voice', queueId: 'support' });
    expect(center.contactCommand(call.id, { type: 'accept', agentId: 'ada' }).status).toBe(
      'accepted',
    );
    expect(center.contactCommand(call.id, { type: 'connect' }).status).toBe('connected');
  });

  it('routes by priority then arrival, to the longest-idle agent with the skills', () => {
    const { center, clock } = setup();
    const first = center.openContact({ channel: 'voice', queueId: 'support' });
    clock.advance(1000);
    const urgent = center.openContact({ channel: 'voice', queueId: 'vip' });
    const billing = center.openContact({ channel: 'voice', queueId: 'billing' });
    center.registerAgent({
      id: 'novice',
      name: 'Novice',
      skills: [{ skill: 'billing', proficiency: 3 }],
    });
    clock.advance(1000);
    center.registerAgent({
      id: 'expert',
      name: 'Expert',
      skills: [{ skill: 'billing', proficiency: 8 }],
    });
    center.agentCommand('novice', { type: 'login' });
    // The VIP contact (priority 5) goes first, to the only available agent.
    expect(center.getSnapshot().contacts.get(urgent.id)?.agentId).toBe('novice');
    center.agentCommand('expert', { type: 'login' });
    // The novice lacks billing proficiency 5, so the expert takes the oldest contact they can serve.
    expect(center.getSnapshot().contacts.get(first.id)?.agentId).toBe('expert');
    expect(center.getSnapshot().contacts.get(billing.id)?.status).toBe('queued');
  });

  it('re-offers a missed contact to another agent and sets an agent not ready after two misses', () => {
    const { center, clock, events } = setup({
      rules: { offerTimeoutMs: 10_000, maxMissedOffers: 2 },
    });
    center.registerAgent({ id: 'ada', name: 'Ada' });
    center.agentCommand('ada', { type: 'login' });
    const contact = center.openContact({ channel: 'voice', queueId: 'support' });
    clock.advance(10_000);
    expect(events.filter((name) => name === 'contact.missed')).toHaveLength(1);
    // Ada is passed over for one offer time-out, then offered the contact again.
    expect(center.getSnapshot().contacts.get(contact.id)?.status).toBe('queued');
    clock.advance(10_000);
    expect(center.getSnapshot().contacts.get(contact.id)?.status).toBe('offered');
    clock.advance(10_000);
    expect(center.getSnapshot().agents.get('ada')?.presence).toEqual({
      status: 'notReady',
      reason: 'missedOffers',
    });
    center.registerAgent({ id: 'bob', name: 'Bob' });
    center.agentCommand('bob', { type: 'login' });
    expect(center.getSnapshot().contacts.get(contact.id)?.agentId).toBe('bob');
  });

  it('completes a wrap-up on its own at the wrap-up limit', () => {
    const { center, clock } = setup({ rules: { wrapUpLimitMs: 30_000 } });
    center.registerAgent({ id: 'ada', name: 'Ada' });
    center.agentCommand('ada', { type: 'login' });
    const contact = center.openContact({ channel: 'chat', queueId: 'support' });
    center.contactCommand(contact.id, { type: 'accept', agentId: 'ada' });
    center.contactCommand(contact.id, { type: 'end' });
    clock.advance(29_999);
    expect(center.getSnapshot().contacts.get(contact.id)?.status).toBe('wrapUp');
    clock.advance(1);
    expect(center.getSnapshot().contacts.get(contact.id)).toMatchObject({
      status: 'completed',
      disposition: null,
    });
    expect(center.getSnapshot().agents.get('ada')?.contactIds).toEqual([]);
  });

  it('leaves a wrap-up completed by a state subscriber alone at the wrap-up limit', () => {
    // A bot completing as soon as it sees wrap-up does so inside the commit that started it.
    const { center, clock } = setup({ rules: { wrapUpLimitMs: 30_000 } });
    center.registerAgent({ id: 'ada', name: 'Ada' });
    center.agentCommand('ada', { type: 'login' });
    const contact = center.openContact({ channel: 'chat', queueId: 'support' });
    center.contactCommand(contact.id, { type: 'accept', agentId: 'ada' });
    center.subscribe(() => {
      if (center.getSnapshot().contacts.get(contact.id)?.status === 'wrapUp')
        center.contactCommand(contact.id, { type: 'complete', disposition: 'bot' });
    });
    center.contactCommand(contact.id, { type: 'end' });
    expect(center.getSnapshot().contacts.get(contact.id)?.status).toBe('completed');
    expect(() => {
      clock.advance(30_000);
    }).not.toThrow();
    expect(center.getSnapshot().contacts.get(contact.id)).toMatchObject({ disposition: 'bot' });
  });

  it('respects capacity per channel and keeps voice exclusive', () => {
    const { center } = setup();
    center.registerAgent({ id: 'ada', name: 'Ada', capacity: { chat: 2 } });
    center.agentCommand('ada', { type: 'login' });
    const chats = [1, 2, 3].map(() => center.openContact({ channel: 'chat', queueId: 'support' }));
    const call = center.openContact({ channel: 'voice', queueId: 'support' });
    const state = center.getSnapshot();
    expect(chats.map((chat) => state.contacts.get(chat.id)?.status)).toEqual([
      'offered',
      'offered',
      'queued',
    ]);
    expect(state.contacts.get(call.id)?.status).toBe('queued');
    expectError(
      () => center.contactCommand(call.id, { type: 'offer', agentId: 'ada' }),
      'CAPACITY_EXCEEDED',
    );
  });

  it('refuses bad input with VALIDATION_FAILED and unknown ids with NOT_FOUND, changing nothing', () => {
    const { center } = setup();
    const before = center.getSnapshot();
    const error = expectError(
      () => center.openContact({ channel: 'fax' as never }),
      'VALIDATION_FAILED',
    );
    expect((error as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual(['channel']);
    expectError(() => center.openContact({ channel: 'chat', queueId: 'nowhere' }), 'NOT_FOUND');
    expectError(() => center.agentCommand('ghost', { type: 'login' }), 'NOT_FOUND');
    expectError(() => center.contactCommand('ghost', { type: 'hold' }), 'NOT_FOUND');
    expect(center.getSnapshot()).toBe(before);
  });

  it('validates a frozen command of plain fields once, and every other command each time', () => {
    const { center } = setup();
    const parse = vi.spyOn(contactCommandSchema, 'safeParse');
    const parsesOf = (command: object) =>
      parse.mock.calls.filter(([arg]) => arg === command).length;
    center.registerAgent({ id: 'ada', name: 'Ada', capacity: { chat: 3 } });
    center.agentCommand('ada', { type: 'login' });
    const accept = Object.freeze({ type: 'accept' as const, agentId: 'ada' });
    const first = center.openContact({ channel: 'chat', queueId: 'support' });
    const second = center.openContact({ channel: 'chat', queueId: 'support' });
    center.contactCommand(first.id, accept);
    center.contactCommand(second.id, accept);
    expect(parsesOf(accept)).toBe(1);
    expect(center.getSnapshot().contacts.get(second.id)?.status).toBe('connected');
    // A plain object may change between uses: it is parsed each time, and refused once wrong.
    const end: { type: string } = { type: 'end' };
    center.contactCommand(first.id, end as { type: 'end' });
    end.type = 'explode';
    expectError(
      () => center.contactCommand(second.id, end as { type: 'end' }),
      'VALIDATION_FAILED',
    );
    expect(center.getSnapshot().contacts.get(second.id)?.status).toBe('connected');
    // A frozen command that fails is refused (and parsed) every time.
    const wrong = Object.freeze({ type: 'complete', disposition: 7 });
    expectError(() => center.contactCommand(first.id, wrong as never), 'VALIDATION_FAILED');
    const once = parsesOf(wrong);
    expectError(() => center.contactCommand(first.id, wrong as never), 'VALIDATION_FAILED');
    expect(parsesOf(wrong)).toBe(2 * once);
    // A frozen command with an object field is parsed every time.
    const transfer = Object.freeze({
      type: 'transfer' as const,
      target: Object.freeze({ kind: 'queue' as const, queueId: 'billing' }),
    });
    center.contactCommand(second.id, transfer);
    center.contactCommand(second.id, Object.freeze({ type: 'abandon' as const }));
    expectError(() => center.contactCommand(second.id, transfer), 'INVALID_TRANSITION');
    expect(parsesOf(transfer)).toBe(2);
    parse.mockRestore();
  });

  it('refuses duplicate ids and commands after dispose', () => {
    const { center } = setup();
    center.registerAgent({ id: 'ada', name: 'Ada' });
    expectError(() => center.registerAgent({ id: 'ada', name: 'Ada again' }), 'ALREADY_EXISTS');
    center.openContact({ id: 'x', channel: 'email' });
    expectError(() => center.openContact({ id: 'x', channel: 'email' }), 'ALREADY_EXISTS');
    center.dispose();
    expectError(() => center.openContact({ channel: 'email' }), 'DISPOSED');
  });

  it('contains a throwing listener and reports it as plugin.failed', () => {
    const { center } = setup({ logger: silentLogger });
    const failures: unknown[] = [];
    center.events.on('plugin.failed', (failure) => failures.push(failure.error));
    center.events.on('agent.registered', () => {
      throw new Error('boom');
    });
    const seen: string[] = [];
    center.events.on('agent.registered', ({ agent }) => seen.push(agent.id));
    center.registerAgent({ id: 'ada', name: 'Ada' });
    expect(seen).toEqual(['ada']);
    expect(failures).toHaveLength(1);
  });
});
