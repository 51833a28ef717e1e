import type { AgentState } from '../agent/agentState';
import type { CallingPolicy } from '../privacy/callingPolicy';
import type { Contact } from '../model/contact';
import type { AgentId, ContactId, QueueId } from '../model/ids';
import type { Queue } from '../model/queue';
import { chooseAgent } from './agentChoice';
import { explainWaiting } from './explainWaiting';
import { AgentIndex, qualifies, type AgentEntry } from './agentIndex';
import { isOpen } from './businessHours';
import {
  customerKey,
  exitFor,
  isHeld,
  rankIn,
  reachOf,
  type Candidacy,
  type ContactEntry,
} from './contactEntry';
import { DecisionLog } from './decisionLog';
import { explainRouted, proficiencyOf } from './decisionRecord';
import type { RoutingExplanation, RoutingTrigger } from './explanation';
import type { PassedOver, RoutingDecision } from './routingDecision';
import { WorkQueue } from './workQueue';
import { BoundedMap } from './boundedMap';
import { createFreedAgentSearch } from './freedAgentSearch';
import {
  agingOf,
  channelBit,
  ranksAbove,
  requirementsOf,
  scoreOf,
  SkillCodes,
  type Membership,
} from './routingClass';
import { strategies as builtIns, type RoutingStrategy, type StrategyCandidate } from './strategies';
import { createWaitingClasses } from './waitingClasses';
import { createWaitRules } from './waitRules';

export type { PassedOver, RoutingDecision } from './routingDecision';

/** Options of {@link createRouter}. */
export interface RouterOptions {
  /** The queues by id, validated. */
  readonly queues: ReadonlyMap<QueueId, Queue>;
  /** Custom strategies by name, next to the built-ins. */
  readonly strategies?: Readonly<Record<string, RoutingStrategy>>;
  /** Decisions kept for {@link Router.explain} after the contact left the queue. Default 10,000. */
  readonly explanationLimit?: number;
  /**
   * For callbacks: calling hours in the customer's time zone and a do-not-call list
   * (`createCallingPolicy` from `@switchboard/core/privacy`). A callback outside the hours waits
   * in its queue until they open; one to a do-not-call number ends (reason `doNotCall`).
   */
  readonly callingPolicy?: Pick<CallingPolicy, 'check'>;
}

/**
 * The ACD engine: files agents and queued contacts in indexes and answers, one decision at a
 * time, which contact goes to which agent. Pure given its inputs (states and `now`): the same
 * filings and times give the same decisions.
 */
export interface Router {
  /** Files an agent's current state (after any change of presence, load or profile). */
  fileAgent(agent: AgentState): void;
  /** Files a contact's current state: a queued contact waits; any other status leaves. */
  fileContact(contact: Contact, now: number): void;
  /** Looks at a waiting contact again, e.g. when a pass-over ended. */
  reconsider(contactId: ContactId): void;
  /** Applies escalation steps, maximum waits and hold-backs that are due by `now`. */
  advance(now: number): void;
  /** When the next time-based change is due, or `null`. */
  nextChangeAt(): number | null;
  /** The next decision, or `null` when nothing can happen until something changes. */
  next(now: number, passedOver: PassedOver): RoutingDecision | null;
  /** Why a contact waits, or why it went to its agent. */
  explain(contactId: ContactId, now: number): RoutingExplanation;
  /** Adds a custom strategy that queues can name. */
  registerStrategy(name: string, strategy: RoutingStrategy): void;
  /** Whether a strategy of that name exists. */
  hasStrategy(name: string): boolean;
  /** Takes a queue's new rules (already in the `queues` map); its waiting contacts follow them. */
  refreshQueue(queueId: QueueId, now: number): void;
}

const customerLimit = 100_000;

/** Creates a {@link Router}. */
export function createRouter(options: RouterOptions): Router {
  const { queues } = options;
  const strategies = new Map<string, RoutingStrategy>(Object.entries(builtIns));
  for (const [name, strategy] of Object.entries(options.strategies ?? {}))
    strategies.set(name, strategy);
  const explanationLimit = options.explanationLimit ?? 10_000;
  const skills = new SkillCodes();
  const index = new AgentIndex(skills);
  const entries = new Map<ContactId, ContactEntry>();
  const pending: RoutingDecision[] = [];
  const rules = createWaitRules(queues, (decision) => {
    pending.push(decision);
  });
  const reach = (entry: ContactEntry) => reachOf(entry, rules.stepsOf(entry.queue), queues);
  const waiting = createWaitingClasses(skills, reach);
  const freedAgentSearch = createFreedAgentSearch(waiting.trie);
  const lastServed = new BoundedMap<string, AgentId>(customerLimit);
  const dirtyAgents = new WorkQueue<AgentEntry>();
  const dirtyContacts = new WorkQueue<ContactEntry>();
  const decisions = new DecisionLog(explanationLimit);
  let arrivals = 0;

  function remove(entry: ContactEntry) {
    waiting.remove(entry);
    rules.forget(entry);
    dirtyContacts.delete(entry);
    entries.delete(entry.contact.id);
  }

  /** When a callback may be placed: now, a later time, or `null` (do not call); others: at once. */
  function callableFrom(contact: Contact, now: number): number | null {
    const { phone, timeZone } = contact.customer;
    if (contact.channel !== 'callback' || !options.callingPolicy || !phone) return -Infinity;
    const decision = options.callingPolicy.check({ phone, timeZone }, now);
    return decision.allowed ? -Infinity : decision.nextAllowedAt;
  }

  /** Starts routing a queued contact; a first visit to a closed queue gets the closed rule. */
  function admit(contact: Contact, now: number, arriving: boolean) {
    const queue = contact.queueId ? queues.get(contact.queueId) : undefined;
    if (!queue) return;
    const waitingSince = contact.timestamps.queued ?? contact.since;
    const firstVisit = contact.offers === 0;
    const preferred =
      queue.preferredAgentMs === null || !firstVisit ? undefined : customerKey(contact);
    const entry: ContactEntry = {
      contact,
      queued: false,
      queue,
      order: arrivals++,
      waitingSince,
      own: requirementsOf(contact, queue, undefined, skills),
      step: 0,
      memberships: [],
      preferredAgentId: preferred === undefined ? null : (lastServed.get(preferred) ?? null),
      preferredUntil: -Infinity,
      callableAt: -Infinity,
      closed: false,
      maxWaitHandled: false,
      due: null,
    };
    entries.set(contact.id, entry);
    if (arriving && firstVisit && !isOpen(queue.businessHours, now)) {
      const decision = exitFor(entry, queue.whenClosed, 'queueClosed', now, queues);
      pending.push(decision);
      entry.closed = decision.kind !== 'offerCallback';
    }
    const callable = callableFrom(contact, now);
    if (callable === null) {
      pending.push({
        kind: 'end',
        contactId: contact.id,
        reason: 'doNotCall',
        message: 'The customer asked not to be called.',
      });
      entry.closed = true;
    } else entry.callableAt = callable;
    if (entry.preferredAgentId && queue.preferredAgentMs) {
      entry.preferredUntil = waitingSince + queue.preferredAgentMs;
      rules.hold(entry, entry.preferredUntil > now);
    }
    rules.apply(entry, now);
    waiting.unplaced.add(entry);
    rules.schedule(entry, now);
    dirtyContacts.add(entry);
  }

  /** The {@link Candidacy} of a contact waiting in a class. */
  const candidacyOf = (member: Membership<ContactEntry>, now: number): Candidacy => ({
    entry: member.entry,
    queue: member.routingClass.queue,
    requirements: member.requirements,
    score: scoreOf(member, now),
  });

  function record(
    candidacy: Candidacy,
    agent: AgentEntry,
    trigger: RoutingTrigger,
    now: number,
    considered: number,
    runnerUp: StrategyCandidate | null,
  ): RoutingDecision {
    const { entry, requirements } = candidacy;
    const { state } = agent;
    // The figures of the moment, flat (no agent state kept alive); explain() builds the
    // explanation from them when asked.
    decisions.add(entry.contact.id, {
      profile: state.profile,
      idleSince: state.idleSince,
      held: state.contactIds.length,
      lastOfferedAt: agent.lastOfferedAt,
      proficiency: proficiencyOf(agent, requirements),
      decidedAt: now,
      trigger,
      queue: candidacy.queue,
      requirements,
      step: entry.step,
      runnerUp,
      considered,
      score: candidacy.score,
    });
    agent.lastOfferedAt = now;
    dirtyContacts.delete(entry);
    return { kind: 'offer', contactId: entry.contact.id, agentId: agent.state.profile.id };
  }

  function serveFreedAgent(
    agent: AgentEntry,
    now: number,
    passedOver: PassedOver,
  ): RoutingDecision | null {
    const agentId = agent.state.profile.id;
    let best: Membership<ContactEntry> | undefined;
    let considered = 0;
    const holds = rules.preferredHolds.get(agentId);
    if (holds)
      for (const entry of holds) {
        const member = entry.memberships[0] ?? preferredMember(entry);
        considered += 1;
        if (
          (agent.listedOn & channelBit(entry.contact.channel)) === 0 ||
          !qualifies(agent, entry.own)
        )
          continue;
        if (!passedOver(entry.contact.id, agentId) && (!best || ranksAbove(member, best, now)))
          best = member;
      }
    if (best) return record(candidacyOf(best, now), agent, 'preferredAgent', now, considered, null);
    waiting.placeNew(now);
    const pick = freedAgentSearch.run(agent, now, passedOver);
    return pick
      ? record(
          candidacyOf(pick, now),
          agent,
          'agentFreed',
          now,
          considered + freedAgentSearch.considered,
          null,
        )
      : null;
  }

  /** A stand-in membership for a contact held back for its preferred agent. */
  function preferredMember(entry: ContactEntry): Membership<ContactEntry> {
    return waiting.memberOf(entry, entry.queue, undefined);
  }

  function servePreferred(
    entry: ContactEntry,
    now: number,
    passedOver: PassedOver,
  ): RoutingDecision | null {
    const agent = entry.preferredAgentId ? index.agents.get(entry.preferredAgentId) : undefined;
    if (!agent || (agent.listedOn & channelBit(entry.contact.channel)) === 0) return null;
    if (!qualifies(agent, entry.own) || passedOver(entry.contact.id, agent.state.profile.id))
      return null;
    const member = entry.memberships[0] ?? preferredMember(entry);
    return record(candidacyOf(member, now), agent, 'preferredAgent', now, 1, null);
  }

  function serveWaitingContact(
    entry: ContactEntry,
    now: number,
    passedOver: PassedOver,
  ): RoutingDecision | null {
    if (entry.closed || entry.callableAt > now) return null;
    const preferred = servePreferred(entry, now, passedOver);
    if (preferred) return preferred;
    if (!isHeld(entry, now)) {
      const { queues: reached, relaxTo } = reach(entry);
      for (const queue of reached) {
        const requirements = waiting.requirementsIn(entry, queue, relaxTo);
        const score = rankIn(entry, queue) + agingOf(queue) * now;
        const decision = serveFrom({ entry, queue, requirements, score }, now, passedOver);
        if (decision) return decision;
      }
    }
    // A new contact is routed first and filed in its classes only now that it has to wait.
    if (waiting.unplaced.has(entry)) waiting.place(entry, now);
    return null;
  }

  /** Finds the agent for a contact in one queue it reaches, by that queue's strategy. */
  function serveFrom(
    candidacy: Candidacy,
    now: number,
    passedOver: PassedOver,
  ): RoutingDecision | null {
    const strategy = strategies.get(candidacy.queue.strategy) ?? builtIns.longestIdle;
    const choice = chooseAgent(index, candidacy, strategy, passedOver);
    return choice
      ? record(candidacy, choice.agent, 'contactArrived', now, choice.considered, choice.runnerUp)
      : null;
  }

  return {
    fileAgent(state) {
      const gained = index.file(state);
      const entry = index.agents.get(state.profile.id);
      if (gained !== 0 && entry) dirtyAgents.add(entry);
    },
    fileContact(contact, now) {
      const entry = entries.get(contact.id);
      if (contact.status === 'queued') {
        if (entry?.queue.id === contact.queueId && entry.contact.channel === contact.channel) {
          entry.contact = contact;
          return;
        }
        // A contact new here meets the queue's closed rule; one that only changed (a callback
        // request) keeps its place: its wait still counts from when it queued.
        if (entry) remove(entry);
        admit(contact, now, entry?.queue.id !== contact.queueId);
        return;
      }
      if (entry) remove(entry);
      const key = customerKey(contact);
      if (contact.status === 'completed' && contact.lastAgentId && key !== undefined) {
        lastServed.set(key, contact.lastAgentId);
      }
    },
    reconsider(contactId) {
      const entry = entries.get(contactId);
      if (!entry) return;
      dirtyContacts.add(entry);
    },
    advance(now) {
      for (let entry = rules.takeDue(now); entry; entry = rules.takeDue(now)) {
        if (rules.apply(entry, now)) {
          waiting.place(entry, now);
          dirtyContacts.add(entry);
        }
        rules.schedule(entry, now);
      }
    },
    nextChangeAt: () => rules.nextChangeAt(),
    next(now, passedOver) {
      for (let decision = pending.shift(); decision; decision = pending.shift()) {
        if (entries.has(decision.contactId)) return decision;
      }
      for (let agent = dirtyAgents.peek(); agent; agent = dirtyAgents.peek()) {
        const decision = agent.listedOn === 0 ? null : serveFreedAgent(agent, now, passedOver);
        if (decision) return decision;
        dirtyAgents.delete(agent);
      }
      for (let entry = dirtyContacts.peek(); entry; entry = dirtyContacts.peek()) {
        const decision = serveWaitingContact(entry, now, passedOver);
        if (decision) return decision;
        dirtyContacts.delete(entry);
      }
      return null;
    },
    explain(contactId, now) {
      waiting.placeNew(now);
      const entry = entries.get(contactId);
      if (entry) {
        const member = entry.memberships[0] ?? preferredMember(entry);
        const qualified = index.qualified(member.routingClass.channelBit, member.requirements);
        return explainWaiting(member, reach(entry).queues, qualified, now, skills);
      }
      const decided = decisions.find(contactId);
      return decided ? explainRouted(contactId, decided, skills) : { contactId, status: 'unknown' };
    },
    registerStrategy(name, strategy) {
      strategies.set(name, strategy);
    },
    hasStrategy: (name) => strategies.has(name),
    refreshQueue(queueId, now) {
      const queue = queues.get(queueId);
      if (!queue) return;
      rules.learn(queue);
      waiting.placeNew(now);
      const affected = [...entries.values()].filter(
        (entry) =>
          entry.queue.id === queueId ||
          entry.memberships.some((m) => m.routingClass.queue.id === queueId),
      );
      affected.forEach(remove);
      waiting.forgetQueue(queueId);
      for (const entry of affected) admit(entry.contact, now, false);
    },
  };
}
