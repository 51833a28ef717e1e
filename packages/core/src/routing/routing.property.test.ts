/**
 * Model-based properties of the router, driven through the embedded centre on a virtual clock.
 * The checks recompute everything from the public state with brute force (scan every agent and
 * every contact), independently of the router's indexes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgentState } from '../agent/agentState';
import { createContactCenter, type ContactCenter } from '../center/contactCenter';
import { capacityChannel, channels, type Channel } from '../model/channel';
import type { Contact } from '../model/contact';
import type { AgentId, ContactId } from '../model/ids';
import type { Queue, QueueInput, SkillRequirement } from '../model/queue';
import { createVirtualClock } from '../testing/virtualClock';
import { throwingLogger } from '../../test/testCenter';
import type { BuiltInStrategy, StrategyCandidate } from './strategies';

const skillNames = ['a', 'b', 'c'];
const queueIds = ['q0', 'q1', 'q2'];
/** What each built-in strategy minimises, stated here apart from the router's comparators. */
const strategyKey: Record<BuiltInStrategy, (candidate: StrategyCandidate) => number> = {
  longestIdle: (candidate) => candidate.idleSince,
  leastOccupied: (candidate) => candidate.occupancy,
  mostSkilled: (candidate) => -candidate.proficiency,
  roundRobin: (candidate) => candidate.lastOfferedAt,
};
const strategyNames = Object.keys(strategyKey) as BuiltInStrategy[];
const offerTimeoutMs = 15_000;

// Minimums up to 7 against proficiencies up to 10: most contacts find some agent, not every one.
const requirement = fc.record({
  skill: fc.constantFrom(...skillNames),
  minProficiency: fc.integer({ min: 1, max: 7 }),
});
const requirements = fc.uniqueArray(requirement, { maxLength: 2, selector: (r) => r.skill });

const queueArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    priority: fc.integer({ min: 0, max: 9 }),
    agingPerMinute: fc.constantFrom(0, 0.5, 2),
    strategy: fc.constantFrom(...strategyNames),
    requiredSkills: requirements,
    preferredAgentMs: fc.constant(null),
    escalation: fc.array(
      fc.record({
        afterMs: fc.integer({ min: 1, max: 12 }).map((tens) => tens * 10_000),
        minProficiency: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
        addQueues: fc.subarray(
          queueIds.filter((other) => other !== id),
          { maxLength: 1 },
        ),
      }),
      { maxLength: 2 },
    ),
  }) satisfies fc.Arbitrary<QueueInput>;

const agentArb = (index: number) =>
  fc.record({
    id: fc.constant(`agent${index}`),
    name: fc.constant(`Agent ${index}`),
    skills: fc.uniqueArray(
      fc.record({
        skill: fc.constantFrom(...skillNames),
        proficiency: fc.integer({ min: 1, max: 10 }),
      }),
      { maxLength: 3, selector: (level) => level.skill },
    ),
    capacity: fc.record({
      voice: fc.integer({ min: 0, max: 1 }),
      chat: fc.integer({ min: 0, max: 3 }),
      email: fc.integer({ min: 0, max: 2 }),
      sms: fc.integer({ min: 0, max: 1 }),
      social: fc.integer({ min: 0, max: 1 }),
    }),
  });

type Step =
  | { kind: 'presence'; agent: number; to: 'login' | 'setAvailable' | 'setNotReady' | 'logout' }
  | { kind: 'open'; queue: number; channel: Channel; priority: number; skills: SkillRequirement[] }
  | { kind: 'answer'; pick: number; accept: boolean }
  | { kind: 'finish'; pick: number }
  | { kind: 'abandon'; pick: number }
  | { kind: 'wait'; ms: number };

// Arrivals weigh most, so that agents are often compared and contacts often wait for each other.
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('presence' as const),
    agent: fc.nat(5),
    to: fc.constantFrom(
      'login' as const,
      'setAvailable' as const,
      'setNotReady' as const,
      'logout' as const,
    ),
  }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('open' as const),
      queue: fc.nat(2),
      channel: fc.constantFrom(...channels),
      priority: fc.integer({ min: 0, max: 9 }),
      skills: fc.uniqueArray(requirement, { maxLength: 1, selector: (r) => r.skill }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick: fc.nat(),
      accept: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('finish' as const), pick: fc.nat() }) },
  fc.record({ kind: fc.constant('abandon' as const), pick: fc.nat() }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      // Steps fall due at multiples of 10 s: round waits and a millisecond either side often
      // land the checks just before and just at a step.
      ms: fc.oneof(fc.integer({ min: 0, max: 70_000 }), fc.constantFrom(1, 9_999, 10_000, 30_000)),
    }),
  },
);

const scenarioArb = fc.record({
  queues: fc.tuple(...queueIds.map(queueArb)),
  agents: fc.tuple(...[0, 1, 2, 3, 4, 5].map(agentArb)),
  steps: fc.array(stepArb, { minLength: 5, maxLength: 45 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** The queues (own first) whose agents may take `contact` at `now`, with the relaxed minimum. */
function reachAt(center: ContactCenter, contact: Contact, now: number) {
  const own = center.queues.get(contact.queueId!)!;
  const waited = now - (contact.timestamps.queued ?? contact.since);
  const active = [...own.escalation]
    .sort((x, y) => x.afterMs - y.afterMs)
    .filter((s) => s.afterMs <= waited);
  const relaxTo = active.reduce<number | undefined>(
    (value, s) => s.minProficiency ?? value,
    undefined,
  );
  const reached: Queue[] = [own];
  for (const s of active)
    for (const id of s.addQueues) {
      const queue = center.queues.get(id)!;
      if (!reached.includes(queue)) reached.push(queue);
    }
  return { reached, relaxTo };
}

function requirementsIn(contact: Contact, queue: Queue, relaxTo: number | undefined) {
  const byName = new Map<string, number>();
  for (const r of [...queue.requiredSkills, ...contact.requiredSkills])
    byName.set(r.skill, Math.max(byName.get(r.skill) ?? 1, r.minProficiency));
  return [...byName].map(([skill, min]) => ({
    skill,
    min: relaxTo === undefined ? min : Math.min(min, relaxTo),
  }));
}

const qualifiesFor = (agent: AgentState, reqs: { skill: string; min: number }[]) =>
  reqs.every((r) =>
    agent.profile.skills.some((l) => l.skill === r.skill && l.proficiency >= r.min),
  );

function hasRoom(agent: AgentState, channel: Channel): boolean {
  if (agent.presence.status !== 'available') return false;
  const ch = capacityChannel(channel);
  if (ch !== 'voice' && agent.load.voice > 0) return false;
  if (ch === 'voice' && agent.contactIds.length > 0) return false;
  return agent.load[ch] < agent.profile.capacity[ch];
}

/** Every queue of the contact's reach in which `agent` qualifies, with the contact's score there. */
function scoresFor(
  center: ContactCenter,
  agent: AgentState,
  contact: Contact,
  now: number,
): number[] {
  const { reached, relaxTo } = reachAt(center, contact, now);
  const waitingSince = contact.timestamps.queued ?? contact.since;
  return reached
    .filter((queue) => qualifiesFor(agent, requirementsIn(contact, queue, relaxTo)))
    .map(
      (queue) =>
        contact.priority + queue.priority + (queue.agingPerMinute * (now - waitingSince)) / 60_000,
    );
}

function run(scenario: Scenario, check: boolean) {
  const clock = createVirtualClock(Date.UTC(2026, 10, 26, 9));
  let ids = 0;
  const center = createContactCenter({
    clock,
    createId: () => `c${++ids}`,
    queues: scenario.queues,
    rules: { offerTimeoutMs, maxMissedOffers: null, wrapUpLimitMs: null },
    // The checks run in listeners: a failure must fail the test, not go to a silent log.
    logger: throwingLogger,
  });
  // Everyone starts logged in; presence steps then take agents away and back.
  for (const agent of scenario.agents) {
    center.registerAgent(agent);
    center.agentCommand(agent.id, { type: 'login' });
  }
  const passOvers = new Map<string, number>();
  const lastOffered = new Map<AgentId, number>();
  const log: string[] = [];
  const passedOver = (contactId: ContactId, agentId: AgentId) =>
    (passOvers.get(`${contactId}/${agentId}`) ?? -1) > clock.now();

  center.events.onAny((name, payload) => {
    const event = payload as { contactId?: ContactId; agentId?: AgentId; at: number };
    log.push(`${event.at} ${name} ${event.contactId ?? ''} ${event.agentId ?? ''}`);
    if (name === 'contact.rejected' || name === 'contact.missed') {
      passOvers.set(`${event.contactId}/${event.agentId}`, event.at + offerTimeoutMs);
    }
    if (name !== 'contact.offered' || !check) return;
    const state = center.getSnapshot();
    const now = clock.now();
    const contact = state.contacts.get(event.contactId!)!;
    const chosen = state.agents.get(event.agentId!)!;
    const explanation = center.explain(contact.id);
    // explain() agrees with the decision taken.
    expect(explanation).toMatchObject({
      status: 'routed',
      agentId: chosen.profile.id,
      decidedAt: now,
    });
    if (explanation.status !== 'routed') return;
    // Never a contact to an agent without the required skills at the proficiency in force.
    expect(scoresFor(center, chosen, contact, now).length).toBeGreaterThan(0);
    // Never over capacity (the offer is already counted).
    const ch = capacityChannel(contact.channel);
    expect(chosen.load[ch]).toBeLessThanOrEqual(chosen.profile.capacity[ch]);
    const others = [...state.agents.values()].filter(
      (agent) =>
        agent !== chosen &&
        hasRoom(agent, contact.channel) &&
        !passedOver(contact.id, agent.profile.id),
    );
    const reqs = explanation.requirements.map((r) => ({ skill: r.skill, min: r.minProficiency }));
    const candidate = (agent: AgentState, held: number): StrategyCandidate => {
      const capacity = Object.values(agent.profile.capacity).reduce((x, y) => x + y, 0);
      return {
        agentId: agent.profile.id,
        idleSince: agent.idleSince,
        lastOfferedAt: lastOffered.get(agent.profile.id) ?? 0,
        occupancy: capacity === 0 ? 1 : held / capacity,
        proficiency: reqs.reduce(
          (sum, r) =>
            sum + (agent.profile.skills.find((l) => l.skill === r.skill)?.proficiency ?? 0),
          0,
        ),
        skills: new Map(),
      };
    };
    const mine = candidate(chosen, chosen.contactIds.length - 1);
    // explain() shows the chosen agent as the router saw it when it decided.
    expect(explanation.chosen).toEqual({
      agentId: mine.agentId,
      idleSince: mine.idleSince,
      lastOfferedAt: mine.lastOfferedAt,
      occupancy: mine.occupancy,
      proficiency: mine.proficiency,
    });
    if (explanation.trigger === 'contactArrived') {
      // The strategy's ordering holds against every other free agent who qualifies.
      const queue = center.queues.get(explanation.queueId)!;
      const key = strategyKey[queue.strategy as BuiltInStrategy];
      for (const other of others.filter((agent) => qualifiesFor(agent, reqs))) {
        const rival = candidate(other, other.contactIds.length);
        expect(key(mine)).toBeLessThanOrEqual(key(rival));
        if (key(mine) === key(rival)) expect(mine.idleSince).toBeLessThanOrEqual(rival.idleSince);
      }
    }
    if (explanation.trigger === 'agentFreed') {
      // The agent got the best contact it qualifies for: highest effective priority.
      for (const other of state.contacts.values()) {
        if (other.status !== 'queued' || passedOver(other.id, chosen.profile.id)) continue;
        if (!hasRoomBefore(chosen, contact, other.channel)) continue;
        for (const score of scoresFor(center, chosen, other, now))
          expect(score).toBeLessThanOrEqual(explanation.score + 1e-9);
      }
    }
    lastOffered.set(chosen.profile.id, now);
  });

  /** Whether the agent had room for `channel` before it took `taken`. */
  function hasRoomBefore(agent: AgentState, taken: Contact, channel: Channel) {
    const ch = capacityChannel(taken.channel);
    const load = { ...agent.load, [ch]: agent.load[ch] - 1 };
    return hasRoom(
      { ...agent, load, contactIds: agent.contactIds.filter((id) => id !== taken.id) },
      channel,
    );
  }

  const pick = <T>(items: T[], index: number) => items[index % Math.max(items.length, 1)];
  const tryRun = (action: () => void) => {
    try {
      action();
    } catch (error) {
      if (!(error instanceof Error) || !('code' in error)) throw error;
      log.push(`refused ${(error as { code: string }).code}`);
    }
  };

  for (const step of scenario.steps) {
    const state = center.getSnapshot();
    const contacts = [...state.contacts.values()];
    if (step.kind === 'presence') {
      const agentId = scenario.agents[step.agent]!.id;
      tryRun(() =>
        center.agentCommand(
          agentId,
          step.to === 'setNotReady' ? { type: 'setNotReady', reason: 'break' } : { type: step.to },
        ),
      );
    } else if (step.kind === 'open') {
      center.openContact({
        channel: step.channel,
        queueId: queueIds[step.queue]!,
        priority: step.priority,
        requiredSkills: step.skills,
      });
    } else if (step.kind === 'answer') {
      const offered = pick(
        contacts.filter((c) => c.status === 'offered'),
        step.pick,
      );
      if (offered?.agentId)
        center.contactCommand(offered.id, {
          type: step.accept ? 'accept' : 'reject',
          agentId: offered.agentId,
        });
    } else if (step.kind === 'finish') {
      const held = pick(
        contacts.filter((c) => c.status === 'accepted' || c.status === 'connected'),
        step.pick,
      );
      if (held) {
        if (held.status === 'accepted') center.contactCommand(held.id, { type: 'connect' });
        center.contactCommand(held.id, { type: 'end' });
        center.contactCommand(held.id, { type: 'complete', disposition: null });
      }
    } else if (step.kind === 'abandon') {
      const waiting = pick(
        contacts.filter((c) => c.status === 'queued'),
        step.pick,
      );
      if (waiting) center.contactCommand(waiting.id, { type: 'abandon' });
    } else clock.advance(step.ms);

    if (!check) continue;
    const now = clock.now();
    const after = center.getSnapshot();
    for (const agent of after.agents.values()) {
      for (const ch of ['voice', 'chat', 'email', 'sms', 'social'] as const)
        expect(agent.load[ch]).toBeLessThanOrEqual(agent.profile.capacity[ch]);
      if (agent.load.voice > 0) expect(agent.contactIds).toHaveLength(1);
    }
    for (const contact of after.contacts.values()) {
      if (contact.status === 'offered') {
        // Never two reservations for one contact.
        const holders = [...after.agents.values()].filter((agent) =>
          agent.contactIds.includes(contact.id),
        );
        expect(holders.map((agent) => agent.profile.id)).toEqual([contact.agentId]);
      }
      if (contact.status !== 'queued') continue;
      // Nothing routable is left waiting: no free qualified agent that is not passed over.
      const explanation = center.explain(contact.id);
      for (const agent of after.agents.values()) {
        if (!hasRoom(agent, contact.channel) || passedOver(contact.id, agent.profile.id)) continue;
        expect(scoresFor(center, agent, contact, now)).toEqual([]);
      }
      expect(explanation.status).toBe('waiting');
      if (explanation.status === 'waiting' && explanation.reason === 'noQualifiedAgentFree')
        expect(explanation.qualifiedFreeAgents).toBe(0);
    }
  }
  return log;
}

describe('router properties', () => {
  it('keeps skills, capacity, single reservations, strategy and contact order, completeness and explain() right', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        run(scenario, true);
      }),
      { numRuns: 120, seed: 20_261_126 },
    );
  }, 60_000);

  it('decides the same way given the same inputs and times', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        expect(run(scenario, false)).toEqual(run(scenario, false));
      }),
      { numRuns: 40, seed: 20_261_126 },
    );
  }, 60_000);

  it('never starves: with ageing, a contact waits for no contact that arrived 9/rate minutes later', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gapMs: fc.integer({ min: 0, max: 90_000 }),
            priority: fc.integer({ min: 0, max: 9 }),
            handleMs: fc.integer({ min: 10_000, max: 400_000 }),
          }),
          { minLength: 10, maxLength: 60 },
        ),
        (arrivals) => {
          const clock = createVirtualClock();
          let ids = 0;
          const center = createContactCenter({
            clock,
            createId: () => `c${++ids}`,
            queues: [{ id: 'q', name: 'Q', agingPerMinute: 2 }],
            rules: { autoConnect: ['voice'], wrapUpLimitMs: 1 },
            // The checks run in listeners: a failure must fail the test, not go to a silent log.
            logger: throwingLogger,
          });
          center.registerAgent({ id: 'solo', name: 'Solo' });
          center.agentCommand('solo', { type: 'login' });
          // Contacts are c1, c2, ... in arrival order; when each arrives is known beforehand, as
          // the first is offered before openContact returns.
          const arrivalOf = (contactId: string) => arrivals[Number(contactId.slice(1)) - 1]!;
          const arrivedAt = new Map<(typeof arrivals)[number], number>();
          let at = clock.now();
          for (const arrival of arrivals) arrivedAt.set(arrival, (at += arrival.gapMs));
          let offers = 0;
          center.events.on('contact.offered', (event) => {
            offers += 1;
            const offered = arrivalOf(event.contactId);
            for (const waiting of center.getSnapshot().contacts.values()) {
              if (waiting.status !== 'queued') continue;
              const waitingSince = arrivedAt.get(arrivalOf(waiting.id))!;
              expect(arrivedAt.get(offered)! - waitingSince).toBeLessThanOrEqual((9 / 2) * 60_000);
            }
            clock.setTimeout(
              () => center.contactCommand(event.contactId, { type: 'accept', agentId: 'solo' }),
              0,
            );
            clock.setTimeout(
              () => center.contactCommand(event.contactId, { type: 'end' }),
              offered.handleMs,
            );
          });
          for (const arrival of arrivals) {
            clock.advance(arrival.gapMs);
            center.openContact({ channel: 'voice', queueId: 'q', priority: arrival.priority });
          }
          clock.runAll(10_000);
          // Every contact was served, one offer each.
          expect(offers).toBe(arrivals.length);
          const statuses = [...center.getSnapshot().contacts.values()].map((c) => c.status);
          expect(statuses).toEqual(arrivals.map(() => 'completed'));
        },
      ),
      { numRuns: 60, seed: 20_261_126 },
    );
  }, 60_000);
});
