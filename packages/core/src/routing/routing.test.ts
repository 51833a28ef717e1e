import { describe, expect, it } from 'vitest';
import { isSwitchboardError } from '../errors';
import type { AgentInput } from '../model/agent';
import type { QueueInput } from '../model/queue';
import { createTestCenter } from '../../test/testCenter';
import { createContactCenter, type ContactCenterOptions } from '../center/contactCenter';
import { createCallingPolicy } from '../privacy/callingPolicy';

const start = Date.UTC(2026, 10, 26, 9); // a Thursday, 09:00 UTC

function setup(queues: QueueInput[], agents: AgentInput[], options: ContactCenterOptions = {}) {
  const { clock, center } = createTestCenter({ queues, agents: [], ...options }, start);
  for (const agent of agents) center.registerAgent(agent);
  const login = (...ids: string[]) => {
    for (const id of ids) {
      center.agentCommand(id, { type: 'login' });
      clock.advance(1_000);
    }
  };
  const contact = (id: string) => center.getSnapshot().contacts.get(id);
  return { clock, center, login, contact };
}

const support: QueueInput = { id: 'support', name: 'Support' };

describe('agent selection strategies', () => {
  const agents: AgentInput[] = [
    { id: 'ada', name: 'Ada', skills: [{ skill: 'billing', proficiency: 3 }] },
    { id: 'bob', name: 'Bob', skills: [{ skill: 'billing', proficiency: 9 }] },
    { id: 'cy', name: 'Cy', skills: [{ skill: 'billing', proficiency: 6 }] },
  ];
  const billing = (strategy: string): QueueInput => ({
    id: 'billing',
    name: 'Billing',
    strategy,
    requiredSkills: [{ skill: 'billing', minProficiency: 1 }],
  });

  it('longestIdle picks the agent free the longest', () => {
    const { center, login } = setup([billing('longestIdle')], agents);
    login('cy', 'ada', 'bob');
    const routed = center.openContact({ channel: 'voice', queueId: 'billing' });
    expect(center.getSnapshot().contacts.get(routed.id)?.agentId).toBe('cy');
  });

  it('mostSkilled picks the highest proficiency on the required skills', () => {
    const { center, login, contact } = setup([billing('mostSkilled')], agents);
    login('cy', 'ada', 'bob');
    center.openContact({ channel: 'voice', queueId: 'billing' });
    expect(contact('c1')?.agentId).toBe('bob');
    expect(center.explain('c1')).toMatchObject({
      status: 'routed',
      strategy: 'mostSkilled',
      trigger: 'contactArrived',
      chosen: { agentId: 'bob', proficiency: 9 },
      runnerUp: { agentId: 'cy', proficiency: 6 },
    });
  });

  it('leastOccupied picks the agent holding the smallest share of their capacity', () => {
    const { center, login, contact } = setup(
      [{ ...billing('leastOccupied'), channels: ['chat'] }],
      agents.slice(0, 2),
    );
    login('ada', 'bob');
    center.openContact({ channel: 'chat', queueId: 'billing' }); // ada, idle longest
    center.openContact({ channel: 'chat', queueId: 'billing' }); // bob holds nothing yet
    expect([contact('c1')?.agentId, contact('c2')?.agentId]).toEqual(['ada', 'bob']);
    center.openContact({ channel: 'chat', queueId: 'billing' }); // tie: longest idle again
    expect(contact('c3')?.agentId).toBe('ada');
  });

  it('roundRobin picks the agent offered a contact least recently', () => {
    const { center, login, contact, clock } = setup([billing('roundRobin')], agents);
    login('ada', 'bob', 'cy');
    const take = (id: string) => {
      center.openContact({ channel: 'chat', queueId: 'billing' });
      clock.advance(1_000);
      return contact(id)?.agentId;
    };
    expect([take('c1'), take('c2'), take('c3'), take('c4')]).toEqual(['ada', 'bob', 'cy', 'ada']);
  });

  it('runs a custom strategy given to the centre or registered later', () => {
    const { center, login, contact } = setup([billing('newestFirst')], agents, {
      routing: { strategies: { newestFirst: (a, b) => b.idleSince - a.idleSince } },
    });
    login('ada', 'cy', 'bob');
    center.openContact({ channel: 'voice', queueId: 'billing' });
    expect(contact('c1')?.agentId).toBe('bob');
    center.registerStrategy('newestFirst', (a, b) => a.idleSince - b.idleSince);
    center.openContact({ channel: 'voice', queueId: 'billing' });
    expect(contact('c2')?.agentId).toBe('ada');
  });

  it('refuses a queue that names an unknown strategy', () => {
    try {
      createContactCenter({ queues: [billing('fastest')] });
      expect.unreachable();
    } catch (error) {
      expect(isSwitchboardError(error, 'VALIDATION_FAILED')).toBe(true);
      expect((error as { issues: unknown[] }).issues).toEqual([
        { path: ['queues', 'billing', 'strategy'], message: 'Unknown strategy "fastest".' },
      ]);
    }
  });
});

describe('ordering of waiting contacts', () => {
  it('serves higher priority first, then the longest waiting', () => {
    const { center, login, clock, contact } = setup(
      [support, { id: 'vip', name: 'VIP', priority: 3 }],
      [{ id: 'ada', name: 'Ada' }],
    );
    center.openContact({ channel: 'voice', queueId: 'support' });
    clock.advance(1_000);
    center.openContact({ channel: 'voice', queueId: 'support', priority: 2 });
    clock.advance(1_000);
    center.openContact({ channel: 'voice', queueId: 'vip' });
    login('ada');
    expect(contact('c3')?.status).toBe('offered');
    expect(center.explain('c1')).toMatchObject({ status: 'waiting', ahead: 1 });
  });

  it('ages priority so an old low-priority contact overtakes newer high-priority ones', () => {
    const { center, login, clock, contact } = setup(
      [{ ...support, agingPerMinute: 1 }],
      [{ id: 'ada', name: 'Ada' }],
    );
    center.openContact({ channel: 'voice', queueId: 'support', priority: 0 });
    clock.advance(4 * 60_000);
    center.openContact({ channel: 'voice', queueId: 'support', priority: 3 });
    login('ada');
    expect(contact('c1')?.status).toBe('offered'); // 0 + 4 min ageing beats 3 + 0
  });
});

describe('escalation over time (bullseye)', () => {
  const queues: QueueInput[] = [
    {
      id: 'billing',
      name: 'Billing',
      requiredSkills: [{ skill: 'billing', minProficiency: 7 }],
      escalation: [
        { afterMs: 30_000, minProficiency: 3 },
        { afterMs: 60_000, addQueues: ['general'] },
        { afterMs: 120_000, offerCallback: true },
      ],
    },
    { id: 'general', name: 'General' },
  ];
  const agents: AgentInput[] = [
    { id: 'junior', name: 'Junior', skills: [{ skill: 'billing', proficiency: 4 }] },
    { id: 'generalist', name: 'Generalist' },
  ];

  it('widens the reach step by step at the configured times', () => {
    const { center, clock, contact } = setup(queues, agents);
    center.agentCommand('junior', { type: 'login', reason: 'break' });
    center.agentCommand('generalist', { type: 'login' });
    center.openContact({ channel: 'voice', queueId: 'billing' });
    expect(center.explain('c1')).toMatchObject({
      status: 'waiting',
      step: 0,
      nextChangeAt: start + 30_000,
      requirements: [{ skill: 'billing', minProficiency: 7 }],
    });
    clock.advance(59_999);
    expect(contact('c1')?.status).toBe('queued');
    expect(center.explain('c1')).toMatchObject({
      step: 1,
      requirements: [{ skill: 'billing', minProficiency: 3 }],
    });
    clock.advance(1);
    expect(contact('c1')).toMatchObject({ status: 'offered', agentId: 'generalist' });
    expect(center.explain('c1')).toMatchObject({ queueId: 'general', step: 2 });
  });

  it('offers a lower proficiency once the step relaxes it', () => {
    const { center, clock, contact } = setup(queues, agents);
    center.agentCommand('junior', { type: 'login' });
    center.openContact({ channel: 'chat', queueId: 'billing' });
    expect(center.explain('c1')).toMatchObject({
      status: 'waiting',
      reason: 'noQualifiedAgentFree',
    });
    clock.advance(29_999);
    expect(contact('c1')).toMatchObject({ status: 'queued', offers: 0 });
    clock.advance(1);
    expect(contact('c1')).toMatchObject({ status: 'offered', agentId: 'junior' });
  });

  it('offers a callback when a step says so', () => {
    const { center, clock } = setup(queues, agents);
    const offers: unknown[] = [];
    center.events.on('routing.callbackOffered', (event) => offers.push(event));
    center.openContact({ channel: 'voice', queueId: 'billing' });
    clock.advance(120_000);
    expect(offers).toEqual([{ contactId: 'c1', reason: 'escalation', at: start + 120_000 }]);
  });
});

describe('maximum wait and business hours', () => {
  const hours = {
    timeZone: 'Europe/Paris',
    weekly: { thu: [{ from: '08:00', to: '18:00' }] },
    holidays: ['2026-12-25'],
  };

  it('overflows to the next open queue after the maximum wait', () => {
    const { center, clock, contact } = setup(
      [
        { ...support, maxWaitMs: 60_000, onMaxWait: { type: 'overflow', queueIds: ['backup'] } },
        { id: 'backup', name: 'Backup' },
      ],
      [],
    );
    center.openContact({ channel: 'voice', queueId: 'support' });
    clock.advance(60_000);
    expect(contact('c1')).toMatchObject({ status: 'queued', queueId: 'backup' });
  });

  it('ends a contact with reason maxWait when the queue says reject', () => {
    const { center, clock, contact } = setup(
      [{ ...support, maxWaitMs: 60_000, onMaxWait: { type: 'reject' } }],
      [],
    );
    center.openContact({ channel: 'voice', queueId: 'support' });
    clock.advance(60_000);
    expect(contact('c1')).toMatchObject({ status: 'failed', reason: 'maxWait' });
  });

  it('turns contacts away while closed, in the queue’s time zone', () => {
    const { center, clock, contact } = setup([{ ...support, businessHours: hours }], []);
    center.openContact({ channel: 'voice', queueId: 'support' }); // 10:00 in Paris: open
    expect(contact('c1')?.status).toBe('queued');
    clock.advanceTo(Date.UTC(2026, 10, 26, 17)); // 18:00 in Paris: closed
    center.openContact({ channel: 'voice', queueId: 'support' });
    expect(contact('c2')).toMatchObject({ status: 'failed', reason: 'queueClosed' });
  });

  it('overflows or offers a callback while closed when configured', () => {
    const { center, clock, contact } = setup(
      [
        {
          ...support,
          businessHours: hours,
          whenClosed: { type: 'overflow', queueIds: ['night'] },
        },
        { id: 'night', name: 'Night', whenClosed: { type: 'callback' } },
      ],
      [],
    );
    const offers: string[] = [];
    center.events.on('routing.callbackOffered', (event) => offers.push(event.reason));
    clock.advanceTo(Date.UTC(2026, 11, 25, 10)); // a holiday
    center.openContact({ channel: 'voice', queueId: 'support' });
    expect(contact('c1')).toMatchObject({ status: 'queued', queueId: 'night' });
    expect(offers).toEqual([]);
  });
});

describe('preferred agent', () => {
  const customer = { id: 'cust-1', attributes: {} };

  function served(preferredAgentMs: number | null) {
    const harness = setup(
      [{ ...support, preferredAgentMs }],
      [
        { id: 'ada', name: 'Ada' },
        { id: 'bob', name: 'Bob' },
      ],
    );
    const { center, login } = harness;
    login('bob');
    center.openContact({ channel: 'voice', queueId: 'support', customer });
    center.contactCommand('c1', { type: 'accept', agentId: 'bob' });
    center.contactCommand('c1', { type: 'connect' });
    center.contactCommand('c1', { type: 'end' });
    center.contactCommand('c1', { type: 'complete', disposition: null });
    login('ada');
    return harness;
  }

  it('offers the agent who last served the customer when free, over the strategy', () => {
    const { center, contact } = served(0);
    center.openContact({ channel: 'voice', queueId: 'support', customer });
    expect(contact('c2')?.agentId).toBe('bob');
    expect(center.explain('c2')).toMatchObject({ trigger: 'preferredAgent' });
  });

  it('holds the contact for the preferred agent until the time-out, then uses the strategy', () => {
    const { center, contact, clock } = served(20_000);
    center.agentCommand('bob', { type: 'setNotReady', reason: 'break' });
    center.openContact({ channel: 'voice', queueId: 'support', customer });
    expect(center.explain('c2')).toMatchObject({ reason: 'waitingForPreferredAgent' });
    clock.advance(20_000);
    expect(contact('c2')?.agentId).toBe('ada');
  });

  it('gives the held contact to the preferred agent as soon as they are free', () => {
    const { center, contact } = served(20_000);
    center.agentCommand('bob', { type: 'setNotReady', reason: 'break' });
    center.openContact({ channel: 'voice', queueId: 'support', customer });
    center.agentCommand('bob', { type: 'setAvailable' });
    expect(contact('c2')?.agentId).toBe('bob');
  });

  it('ignores history when the queue turns preference off', () => {
    const { center, contact } = served(null);
    center.openContact({ channel: 'voice', queueId: 'support', customer });
    expect(contact('c2')?.agentId).toBe('ada');
  });
});

describe('reservations, contact skills and callbacks', () => {
  it('re-offers a rejected contact to the next best agent, never to two at once', () => {
    const { center, login, contact } = setup(
      [support],
      [
        { id: 'ada', name: 'Ada' },
        { id: 'bob', name: 'Bob' },
      ],
    );
    login('ada', 'bob');
    center.openContact({ channel: 'voice', queueId: 'support' });
    expect(contact('c1')?.agentId).toBe('ada');
    center.contactCommand('c1', { type: 'reject', agentId: 'ada' });
    expect(contact('c1')).toMatchObject({ status: 'offered', agentId: 'bob' });
    const holding = [...center.getSnapshot().agents.values()].filter((agent) =>
      agent.contactIds.includes('c1' as never),
    );
    expect(holding.map((agent) => agent.profile.id)).toEqual(['bob']);
  });

  it('offers a newer contact to an agent who passed over an older one in the same class', () => {
    const { center, login, contact } = setup([support], [{ id: 'ada', name: 'Ada' }]);
    login('ada');
    center.openContact({ channel: 'chat', queueId: 'support' });
    center.contactCommand('c1', { type: 'reject', agentId: 'ada' });
    expect(center.explain('c1')).toMatchObject({ status: 'waiting', reason: 'passedOver' });
    center.openContact({ channel: 'chat', queueId: 'support' });
    expect(contact('c2')).toMatchObject({ status: 'offered', agentId: 'ada' });
    expect(contact('c1')?.status).toBe('queued');
  });

  it('adds a contact’s own skills to its queue’s', () => {
    const { center, login, contact } = setup(
      [support],
      [
        { id: 'ada', name: 'Ada' },
        { id: 'bob', name: 'Bob', skills: [{ skill: 'spanish', proficiency: 5 }] },
      ],
    );
    login('ada', 'bob');
    center.openContact({
      channel: 'chat',
      queueId: 'support',
      requiredSkills: [{ skill: 'spanish', minProficiency: 4 }],
    });
    expect(contact('c1')?.agentId).toBe('bob');
  });

  it('finds contacts needing more than three skills for an agent who frees, and only them', () => {
    const level = (skill: string) => ({ skill, proficiency: 5 });
    const need = (skill: string) => ({ skill, minProficiency: 5 });
    const { center, login, contact } = setup(
      [support],
      [
        { id: 'ada', name: 'Ada', skills: ['a', 'b', 'c', 'e'].map(level) },
        { id: 'bob', name: 'Bob', skills: ['a', 'b', 'c', 'd', 'e'].map(level) },
      ],
    );
    // Both wait before anyone is free; the wide one ranks first.
    const wide = ['a', 'b', 'c', 'd', 'e'].map(need);
    center.openContact({ channel: 'chat', queueId: 'support', priority: 9, requiredSkills: wide });
    center.openContact({ channel: 'chat', queueId: 'support', requiredSkills: wide.slice(0, 3) });
    login('ada');
    expect(contact('c1')?.status).toBe('queued');
    expect(contact('c2')).toMatchObject({ status: 'offered', agentId: 'ada' });
    login('bob');
    expect(contact('c1')).toMatchObject({ status: 'offered', agentId: 'bob' });
  });

  it('holds callbacks until calling hours in the customer’s zone, and ends do-not-call ones', () => {
    const policy = createCallingPolicy({ doNotCall: ['+33 1 99 99 99 99'] });
    const { center, login, contact, clock } = setup([support], [{ id: 'ada', name: 'Ada' }], {
      routing: { callingPolicy: policy },
    });
    login('ada');
    const customer = { phone: '+1 212 555 0100', timeZone: 'America/New_York', attributes: {} };
    center.openContact({
      channel: 'callback',
      direction: 'outbound',
      queueId: 'support',
      customer,
    });
    const opens = Date.UTC(2026, 10, 26, 13); // 08:00 in New York
    expect(center.explain('c1')).toMatchObject({
      reason: 'outsideCallingHours',
      nextChangeAt: opens,
    });
    clock.advanceTo(opens);
    expect(contact('c1')).toMatchObject({ status: 'offered', agentId: 'ada' });
    center.openContact({
      channel: 'callback',
      direction: 'outbound',
      queueId: 'support',
      customer: { phone: '+33199999999', attributes: {} },
    });
    expect(contact('c2')).toMatchObject({ status: 'failed', reason: 'doNotCall' });
  });

  it('turns a waiting call into a callback that keeps its place', () => {
    const { center, login, contact, clock } = setup([support], [{ id: 'ada', name: 'Ada' }]);
    center.openContact({ channel: 'voice', queueId: 'support', customer: { attributes: {} } });
    clock.advance(60_000);
    center.openContact({ channel: 'voice', queueId: 'support' });
    center.contactCommand('c1', { type: 'requestCallback', phone: '+1 212 555 0100' });
    expect(contact('c1')).toMatchObject({
      status: 'queued',
      channel: 'callback',
      direction: 'outbound',
      customer: { phone: '+1 212 555 0100' },
      timestamps: { queued: start },
    });
    expect(center.explain('c2')).toMatchObject({ ahead: 1 });
    login('ada');
    expect(contact('c1')).toMatchObject({ status: 'offered', agentId: 'ada' });
  });

  it('explains unknown contacts and keeps decisions after the contact left the queue', () => {
    const { center, login } = setup([support], [{ id: 'ada', name: 'Ada' }]);
    expect(center.explain('nope')).toEqual({ contactId: 'nope', status: 'unknown' });
    login('ada');
    center.openContact({ channel: 'email', queueId: 'support' });
    const explanation = center.explain('c1');
    expect(explanation).toMatchObject({ status: 'routed', agentId: 'ada', queueId: 'support' });
    expect(JSON.parse(JSON.stringify(explanation))).toEqual(explanation);
  });
});

describe('requirements of the queue and of the contact', () => {
  const agents: AgentInput[] = [
    { id: 'ada', name: 'Ada', skills: [{ skill: 'billing', proficiency: 4 }] },
    { id: 'bob', name: 'Bob', skills: [{ skill: 'billing', proficiency: 7 }] },
  ];
  const billing = (minProficiency: number): QueueInput => ({
    id: 'billing',
    name: 'Billing',
    requiredSkills: [{ skill: 'billing', minProficiency }],
  });

  it('a skill both require counts at the higher minimum, whichever of them sets it', () => {
    for (const [queueMin, contactMin] of [
      [3, 6],
      [6, 2],
    ] as const) {
      const { center, login } = setup([billing(queueMin)], agents);
      login('ada', 'bob'); // Ada is idle longest, but holds billing at 4 only
      const routed = center.openContact({
        channel: 'voice',
        queueId: 'billing',
        requiredSkills: [{ skill: 'billing', minProficiency: contactMin }],
      });
      expect(
        center.getSnapshot().contacts.get(routed.id)?.agentId,
        `${queueMin}/${contactMin}`,
      ).toBe('bob');
    }
  });
});
