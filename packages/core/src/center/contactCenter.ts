import { agentCommandSchema, type AgentCommand } from '../agent/agentCommands';
import { decideAgent } from '../agent/agentMachine';
import type { AgentState } from '../agent/agentState';
import {
  contactCommandSchema,
  type ContactCommand,
  type ContactCommandInput,
} from '../contact/contactCommands';
import { decideContact, holdersOf, noHolders } from '../contact/contactMachine';
import { newContact } from '../contact/newContact';
import { SwitchboardError } from '../errors';
import { createReportingBus } from '../events/reportingBus';
import { agentIdOf, contactIdOf, isAgentEvent, type DomainEvent } from '../events/domainEvents';
import { agentSchema } from '../model/agent';
import {
  defaultDispositions,
  defaultReasonCodes,
  dispositionSchema,
  reasonCodeSchema,
} from '../model/codes';
import { contactInputSchema, type Contact } from '../model/contact';
import type { AgentId, ContactId, QueueId } from '../model/ids';
import { queueSchema, type Queue } from '../model/queue';
import { systemClock, type TimerHandle } from '../ports/clock';
import { silentLogger } from '../ports/logger';
import { hasFreeCapacity } from '../routing/eligibility';
import { createRouter, type RoutingDecision } from '../routing/router';
import { createPlainStore } from '../store/plainStore';
import {
  evaluationOf,
  evaluationSchema,
  monitorRequestFor,
  monitorRequestSchema,
} from '../supervisor/supervision';
import { actorSchema } from '../tickets/actor';
import { createInputParser, parseInput } from '../validation';
import { assertAdmin, customerErasureRequestSchema, decideErasure } from './centerErasure';
import { createIvrFromMenus, type IvrFactory } from './centerIvr';
import { centerRulesSchema } from './centerOptions';
import { emptyCenterState, evolveCenter, reduceCenter, type CenterState } from './centerState';
import { createCenterTimers } from './centerTimers';
import type { ContactCenter, ContactCenterOptions } from './contactCenterApi';

/** Events after which a queued contact may have become routable: demand or free capacity grew. */
const routingTriggers: ReadonlySet<DomainEvent['type']> = new Set([
  'agent.statusChanged',
  'contact.queued',
  'contact.rejected',
  'contact.missed',
  'contact.consultEnded',
  'contact.transferred',
  'contact.completed',
  'contact.abandoned',
  'contact.failed',
]);

export type {
  AgentChanges,
  ContactCenter,
  ContactCenterOptions,
  RoutingOptions,
} from './contactCenterApi';

/**
 * Creates the embedded {@link ContactCenter}.
 *
 * @example
 * ```ts
 * const center = createContactCenter({ queues: [{ id: 'support', name: 'Support' }] });
 * center.registerAgent({ id: 'ada', name: 'Ada' });
 * center.agentCommand('ada', { type: 'login' });
 * center.openContact({ channel: 'chat', queueId: 'support' }); // offered to Ada at once
 * ```
 */
export function createContactCenter(options: ContactCenterOptions = {}): ContactCenter {
  return assembleContactCenter(options, createIvrFromMenus);
}

/**
 * The centre with its IVR built by `withIvr`; {@link createContactCenter} is this with every
 * part. Internal: the desk's embedded centre calls it with `noIvr`.
 */
export function assembleContactCenter(
  options: ContactCenterOptions,
  withIvr: IvrFactory,
): ContactCenter {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const createId = options.createId ?? (() => globalThis.crypto.randomUUID());
  const rules = parseInput(centerRulesSchema, options.rules ?? {}, 'rules');
  const queues = new Map(
    (options.queues ?? []).map((input) => {
      const queue = parseInput(queueSchema, input, 'queue');
      return [queue.id, queue] as const;
    }),
  );
  const reasonCodes = (options.reasonCodes ?? defaultReasonCodes).map((code) =>
    parseInput(reasonCodeSchema, code, 'reason code'),
  );
  const dispositions = (options.dispositions ?? defaultDispositions).map((code) =>
    parseInput(dispositionSchema, code, 'disposition'),
  );
  const reasonCodeSet = new Set(reasonCodes.map((reason) => reason.code));
  /** Replaces the entry with the same code, or appends. */
  const upsertCode = <T extends { code: string }>(list: T[], item: T) => {
    const index = list.findIndex((known) => known.code === item.code);
    if (index === -1) list.push(item);
    else list[index] = item;
  };

  const bus = createReportingBus(logger, 'centre');
  const store = createPlainStore<CenterState, DomainEvent>(
    { initial: emptyCenterState, reduce: reduceCenter, evolve: evolveCenter },
    (error) => {
      logger.error('A state subscriber threw', { error });
    },
  );
  // A subscriber may move a contact on inside the commit that started its timer (a bot completing
  // on wrap-up), so each timer checks the contact is still where it was before acting.
  const statusOf = (contactId: ContactId) => store.getSnapshot().contacts.get(contactId)?.status;
  const timers = createCenterTimers(clock, rules, {
    miss: (contactId) => {
      if (statusOf(contactId) === 'offered') runContactCommand(contactId, { type: 'miss' });
    },
    complete: (contactId) => {
      if (statusOf(contactId) === 'wrapUp')
        runContactCommand(contactId, { type: 'complete', disposition: null });
    },
    reconsider: (contactId) => {
      router.reconsider(contactId);
      route();
    },
  });
  const router = createRouter({ queues, ...options.routing });
  function assertStrategy(queue: Queue) {
    if (router.hasStrategy(queue.strategy)) return;
    throw new SwitchboardError(
      'VALIDATION_FAILED',
      `Queue "${queue.id}" names an unknown strategy.`,
      {
        issues: [
          {
            path: ['queues', queue.id, 'strategy'],
            message: `Unknown strategy "${queue.strategy}".`,
          },
        ],
      },
    );
  }
  queues.forEach(assertStrategy);
  const ivr = withIvr(options.ivrMenus ?? [], {
    clock,
    queueOf,
    contactCommand: (contactId, command) => contactCommand(contactId, command),
    prompt: (prompt) => {
      emit('ivr.prompted', prompt);
    },
  });
  /** The agents holding each unfinished contact, as last filed with the router. */
  const holders = new Map<ContactId, readonly AgentId[]>();
  let escalationTimer: { at: number; handle: TimerHandle } | null = null;
  let disposed = false;
  let routing = false;

  const emit = bus.emit as (name: string, payload: unknown) => void;
  // A simulator or bot that keeps its frozen `{ type: 'connect' }` sends it by the thousand.
  const parseContactCommand = createInputParser(contactCommandSchema, 'contact command');

  function commit(events: readonly DomainEvent[]) {
    const state = store.apply(events);
    for (const event of events) {
      // The subject is looked up once: the timers, the router and the listeners all need it.
      let subject;
      if (isAgentEvent(event)) fileAgent((subject = state.agents.get(agentIdOf(event))));
      else {
        subject = state.contacts.get(contactIdOf(event));
        timers.track(event, subject);
        fileContact(subject, event.at, state);
      }
      // Every event committed here is this commit's own fresh object, so it becomes the listeners'
      // payload with its subject added instead of being copied: a spread of some thirty event
      // shapes at one site is V8's slow generic copy, and this runs for every event.
      (event as { state?: unknown }).state = subject;
      emit(event.type, event);
    }
    for (const event of events) applyRules(event);
    if (events.some((event) => routingTriggers.has(event.type))) route();
  }

  function applyRules(event: DomainEvent) {
    const state = store.getSnapshot();
    if (event.type === 'contact.accepted') {
      const contact = state.contacts.get(event.contactId);
      if (contact?.status === 'accepted' && rules.autoConnect.includes(contact.channel)) {
        runContactCommand(contact.id, { type: 'connect' });
      }
    }
    if (event.type === 'contact.missed' && rules.maxMissedOffers !== null) {
      const agent = state.agents.get(event.agentId);
      if (agent?.presence.status === 'available' && agent.missedOffers >= rules.maxMissedOffers) {
        agentCommand(agent.profile.id, { type: 'setNotReady', reason: 'missedOffers' });
      }
    }
  }

  /** The agent states filed with the router (immutable: a filed state is the one it holds). */
  const filedAgents = new WeakSet<AgentState>();
  /**
   * Files an agent with the router unless this very state was filed already: most contact
   * events (connected, wrap-up, a second event of the batch) leave their agents as they were,
   * and filing the same state again changes nothing in the router.
   */
  function fileAgent(agent: AgentState | undefined) {
    if (!agent || filedAgents.has(agent)) return;
    filedAgents.add(agent);
    router.fileAgent(agent);
  }

  /** Tells the router what a contact event changed: the contact and every agent it touched. */
  function fileContact(contact: Contact | undefined, at: number, state: CenterState) {
    if (!contact) return;
    router.fileContact(contact, at);
    if (contact.status !== 'inIvr') ivr.forget(contact.id);
    const before = holders.get(contact.id) ?? noHolders;
    const after = holdersOf(contact);
    if (after.length > 0) holders.set(contact.id, after);
    else holders.delete(contact.id);
    for (const agentId of before) fileAgent(state.agents.get(agentId));
    for (const agentId of after) fileAgent(state.agents.get(agentId));
  }

  /** Carries out the router's decisions until it has none; nested calls leave it to the running loop. */
  function route() {
    if (routing) return;
    routing = true;
    try {
      const next = () => router.next(clock.now(), timers.isPassedOver);
      for (let decision = next(); decision && !disposed; decision = next()) carryOut(decision);
    } finally {
      routing = false;
    }
    if (!disposed) scheduleEscalation();
  }

  function carryOut(decision: RoutingDecision) {
    switch (decision.kind) {
      case 'offer':
        runContactCommand(decision.contactId, { type: 'offer', agentId: decision.agentId });
        return;
      case 'end':
        runContactCommand(decision.contactId, { type: 'fail', reason: decision.reason });
        return;
      case 'move':
        runContactCommand(decision.contactId, { type: 'queue', queueId: decision.queueId });
        return;
      case 'offerCallback':
        emit('routing.callbackOffered', {
          contactId: decision.contactId,
          reason: decision.reason,
          at: clock.now(),
        });
    }
  }

  /** Keeps one clock timer at the router's next escalation step, maximum wait or hold-back. */
  function scheduleEscalation() {
    const at = router.nextChangeAt();
    if (escalationTimer && escalationTimer.at === at) return;
    if (escalationTimer) clock.clearTimeout(escalationTimer.handle);
    escalationTimer = null;
    if (at === null) return;
    const handle = clock.setTimeout(
      () => {
        escalationTimer = null;
        router.advance(clock.now());
        route();
      },
      Math.max(0, at - clock.now()),
    );
    escalationTimer = { at, handle };
  }

  function assertLive() {
    if (disposed) throw new SwitchboardError('DISPOSED', 'The contact centre was disposed.');
  }

  function agentOf(agentId: string): AgentState {
    const agent = store.getSnapshot().agents.get(agentId);
    if (!agent)
      throw new SwitchboardError('NOT_FOUND', `No agent "${agentId}".`, { details: { agentId } });
    return agent;
  }

  function contactOf(contactId: string): Contact {
    const contact = store.getSnapshot().contacts.get(contactId);
    if (!contact) {
      throw new SwitchboardError('NOT_FOUND', `No contact "${contactId}".`, {
        details: { contactId },
      });
    }
    return contact;
  }

  function queueOf(queueId: QueueId): Queue {
    const queue = queues.get(queueId);
    if (!queue)
      throw new SwitchboardError('NOT_FOUND', `No queue "${queueId}".`, { details: { queueId } });
    return queue;
  }

  /** The agent a contact is about to be offered to must be logged in with room for it. */
  function assertCanTake(agentId: AgentId, contact: Contact) {
    const agent = agentOf(agentId);
    if (agent.presence.status === 'offline' || !hasFreeCapacity(agent, contact.channel)) {
      throw new SwitchboardError(
        'CAPACITY_EXCEEDED',
        `Agent ${agentId} cannot take another ${contact.channel} contact now.`,
        { details: { agentId, contactId: contact.id, channel: contact.channel } },
      );
    }
  }

  function agentCommand(agentId: string, input: AgentCommand): AgentState {
    assertLive();
    const command = parseInput(agentCommandSchema, input, 'agent command');
    const events = decideAgent(agentOf(agentId), command, {
      now: clock.now(),
      reasonCodes: reasonCodeSet,
    });
    commit(events);
    return agentOf(agentId);
  }

  function contactCommand(contactId: string, input: ContactCommandInput): Contact {
    assertLive();
    return runContactCommand(contactId, parseContactCommand(input));
  }

  /**
   * Carries out a well-formed command. The centre's own commands (the router's offers, time-outs,
   * auto-connect) come here directly: they are built typed, so parsing them again is pure cost.
   */
  function runContactCommand(contactId: string, command: ContactCommand): Contact {
    assertLive();
    const contact = contactOf(contactId);
    if (command.type === 'queue') queueOf(command.queueId);
    if (command.type === 'offer' || command.type === 'consult')
      assertCanTake(command.agentId, contact);
    if (command.type === 'transfer') {
      if (command.target.kind === 'queue') queueOf(command.target.queueId);
      else if (!(
        contact.status === 'inConsult' && contact.consultAgentId === command.target.agentId
      )) {
        assertCanTake(command.target.agentId, contact);
      }
    }
    const events = decideContact(contact, command, {
      now: clock.now(),
      offerTimeoutMs: rules.offerTimeoutMs,
    });
    commit(events);
    return contactOf(contactId);
  }

  const center: ContactCenter = {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    events: { on: bus.on, once: bus.once, onAny: bus.onAny },
    rules,
    queues,
    reasonCodes,
    dispositions,
    registerAgent(input) {
      assertLive();
      const agent = parseInput(agentSchema, input, 'agent');
      if (store.getSnapshot().agents.has(agent.id)) {
        throw new SwitchboardError('ALREADY_EXISTS', `Agent "${agent.id}" is already registered.`, {
          details: { agentId: agent.id },
        });
      }
      commit([{ type: 'agent.registered', at: clock.now(), agent }]);
      return agentOf(agent.id);
    },
    openContact(input) {
      assertLive();
      const parsed = parseInput(contactInputSchema, input, 'contact');
      const id = (parsed.id ?? createId()) as ContactId;
      if (store.getSnapshot().contacts.has(id)) {
        throw new SwitchboardError('ALREADY_EXISTS', `Contact "${id}" already exists.`, {
          details: { contactId: id },
        });
      }
      if (parsed.queueId) queueOf(parsed.queueId);
      const at = clock.now();
      // The parsed input is this call's own fresh object: completed in place, not copied again.
      const contact = newContact(
        Object.assign(parsed, { id, queueId: parsed.queueId ?? null }),
        at,
      );
      const events: DomainEvent[] = [{ type: 'contact.created', at, contact }];
      if (parsed.queueId)
        events.push({ type: 'contact.queued', at, contactId: id, queueId: parsed.queueId });
      commit(events);
      return contactOf(id);
    },
    agentCommand,
    contactCommand,
    upsertQueue(input) {
      assertLive();
      const queue = parseInput(queueSchema, input, 'queue');
      assertStrategy(queue);
      queues.set(queue.id, queue);
      router.refreshQueue(queue.id, clock.now());
      route();
      return queue;
    },
    updateAgent(agentId, changes) {
      assertLive();
      const current = agentOf(agentId).profile;
      const agent = parseInput(agentSchema, { ...current, ...changes, id: current.id }, 'agent');
      commit([{ type: 'agent.profileChanged', at: clock.now(), agentId: agent.id, agent }]);
      route();
      return agentOf(agentId);
    },
    upsertReasonCode(reason) {
      assertLive();
      const parsed = parseInput(reasonCodeSchema, reason, 'reason code');
      upsertCode(reasonCodes, parsed);
      reasonCodeSet.add(parsed.code);
    },
    upsertDisposition(disposition) {
      assertLive();
      upsertCode(dispositions, parseInput(dispositionSchema, disposition, 'disposition'));
    },
    requestMonitor(supervisorId, input) {
      assertLive();
      const { contactId, mode } = parseInput(monitorRequestSchema, input, 'monitor request');
      const contact = contactOf(contactId);
      const supervisor = agentOf(supervisorId).profile.id;
      const request = monitorRequestFor(contact, supervisor, mode, clock.now());
      emit('supervisor.monitorRequested', request);
      return request;
    },
    recordEvaluation(supervisorId, input) {
      assertLive();
      const parsed = parseInput(evaluationSchema, input, 'evaluation');
      const contact = contactOf(parsed.contactId);
      const supervisor = agentOf(supervisorId).profile.id;
      const evaluation = evaluationOf(contact, supervisor, parsed, clock.now());
      emit('supervisor.evaluated', evaluation);
      return evaluation;
    },
    startIvr(contactId, menuId) {
      assertLive();
      return ivr.start(contactOf(contactId).id, menuId);
    },
    answerIvr(contactId, key) {
      assertLive();
      return ivr.answer(contactOf(contactId).id, key);
    },
    explain(contactId) {
      return router.explain(contactId as ContactId, clock.now());
    },
    registerStrategy(name, strategy) {
      router.registerStrategy(name, strategy);
    },
    eraseCustomer(request, actor) {
      assertLive();
      const who = parseInput(actorSchema, actor, 'actor');
      assertAdmin(who);
      const parsed = parseInput(customerErasureRequestSchema, request, 'customer erasure request');
      const tombstone = parsed.tombstone ?? `erased-${createId()}`;
      const at = clock.now();
      const events = decideErasure(store.getSnapshot(), { ...parsed, tombstone }, at);
      commit(events);
      return { tombstone, contactIds: events.map((event) => event.contactId), actor: who, at };
    },
    dispose() {
      disposed = true;
      timers.clear();
      ivr.clear();
      if (escalationTimer) clock.clearTimeout(escalationTimer.handle);
      escalationTimer = null;
    },
  };
  for (const agent of options.agents ?? []) center.registerAgent(agent);
  return center;
}
