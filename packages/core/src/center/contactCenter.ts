import type * as z from 'zod/mini';
import { createPlainStore } from '../store/plainStore';
import {
  evaluationSchema,
  monitorRequestSchema,
  type Evaluation,
  type MonitorRequest,
} from '../supervisor/supervision';
import { agentCommandSchema, type AgentCommand } from '../agent/agentCommands';
import { decideAgent } from '../agent/agentMachine';
import type { AgentState } from '../agent/agentState';
import {
  contactCommandSchema,
  type ContactCommand,
  type ContactCommandInput,
} from '../contact/contactCommands';
import { decideContact } from '../contact/contactMachine';
import { newContact } from '../contact/newContact';
import { SwitchboardError } from '../errors';
import type { EventBus, Unsubscribe } from '../events/eventBus';
import { createReportingBus } from '../events/reportingBus';
import { agentIdOf, contactIdOf, isAgentEvent, type DomainEvent } from '../events/domainEvents';
import type { SwitchboardEvents } from '../events/eventMap';
import { agentSchema, type AgentInput } from '../model/agent';
import {
  defaultDispositions,
  defaultReasonCodes,
  dispositionSchema,
  reasonCodeSchema,
  type Disposition,
  type ReasonCode,
} from '../model/codes';
import { contactInputSchema, type Contact, type ContactInput } from '../model/contact';
import type { AgentId, ContactId, QueueId } from '../model/ids';
import { queueSchema, type Queue, type QueueInput } from '../model/queue';
import { systemClock, type Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import { hasFreeCapacity } from '../routing/eligibility';
import { parseInput } from '../validation';
import { emptyCenterState, evolveCenter, reduceCenter, type CenterState } from './centerState';
import { centerRulesSchema, type CenterRules, type CenterRulesInput } from './centerOptions';
import { createCenterTimers } from './centerTimers';
import { ivrMenuSchema, type IvrMenuInput } from '../ivr/ivrMenu';
import { createIvrRunner, type IvrHost, type IvrPrompt, type IvrRunner } from '../ivr/ivrRunner';
import { holdersOf } from '../contact/contactMachine';
import { createRouter, type RoutingDecision } from '../routing/router';
import type { RoutingExplanation } from '../routing/explanation';
import type { RoutingStrategy } from '../routing/strategies';
import type { TimerHandle } from '../ports/clock';
import type { CallingPolicy } from '../privacy/callingPolicy';
import { actorSchema, type Actor } from '../tickets/actor';
import {
  assertAdmin,
  customerErasureRequestSchema,
  decideErasure,
  type CustomerErasure,
  type CustomerErasureRequest,
} from './centerErasure';

/**
 * Whether `input` is a frozen plain object whose own fields are all plain values (no getter, no
 * nested object): nothing about it can change once it has been validated.
 */
function isFrozenRecord(input: object): boolean {
  return (
    Object.isFrozen(input) &&
    Object.getPrototypeOf(input) === Object.prototype &&
    Object.values(Object.getOwnPropertyDescriptors(input)).every(
      (field) => !field.get && (typeof field.value !== 'object' || field.value === null),
    )
  );
}

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

/** Options of {@link createContactCenter}. All are optional: the defaults run in process. */
export interface ContactCenterOptions {
  /** Time source; a virtual clock makes simulations and tests instant. */
  readonly clock?: Clock;
  /** Where contained failures are reported. */
  readonly logger?: Logger;
  /** Queues contacts can wait in. */
  readonly queues?: readonly QueueInput[];
  /** Agents on the roster from the start. */
  readonly agents?: readonly AgentInput[];
  /** Reason codes agents may use; the defaults when absent. */
  readonly reasonCodes?: readonly ReasonCode[];
  /** Dispositions agents may record; the defaults when absent. */
  readonly dispositions?: readonly Disposition[];
  /** Offer, wrap-up and missed-offer rules. */
  readonly rules?: CenterRulesInput;
  /** Makes ids for new contacts; `crypto.randomUUID` by default. */
  readonly createId?: () => string;
  /** Routing beyond what queues configure. */
  readonly routing?: RoutingOptions;
  /** IVR menus contacts can be put through before they queue (`startIvr`). */
  readonly ivrMenus?: readonly IvrMenuInput[];
}

/** What an admin may change of an agent's profile. */
export type AgentChanges = Partial<Pick<AgentInput, 'name' | 'roles' | 'skills' | 'capacity'>>;

/** Routing options of a centre. */
export interface RoutingOptions {
  /** Custom strategies by name; queues name them in `strategy`. */
  readonly strategies?: Readonly<Record<string, RoutingStrategy>>;
  /** Decisions kept for `explain` after a contact left its queue. Default 10,000. */
  readonly explanationLimit?: number;
  /**
   * For callbacks: calling hours in the customer's time zone and a do-not-call list
   * (`createCallingPolicy` from `@switchboard/core/privacy`). A callback outside the hours waits
   * in its queue; one to a do-not-call number fails with reason `doNotCall`.
   */
  readonly callingPolicy?: Pick<CallingPolicy, 'check'>;
}

/**
 * The embedded contact centre: agents, contacts, queues and the routing that joins them, in
 * process. Desks attach to it; the simulator, examples and tests run on it.
 */
export interface ContactCenter {
  /** The current frozen state. */
  getSnapshot: () => CenterState;
  /** Calls `listener` after every change. */
  subscribe: (listener: () => void) => Unsubscribe;
  /** Every event of the centre, typed. */
  readonly events: Pick<EventBus<SwitchboardEvents>, 'on' | 'once' | 'onAny'>;
  /** The rules in force. */
  readonly rules: CenterRules;
  /** The queues by id. */
  readonly queues: ReadonlyMap<QueueId, Queue>;
  /** The reason codes agents may use. */
  readonly reasonCodes: readonly ReasonCode[];
  /** The dispositions agents may record. */
  readonly dispositions: readonly Disposition[];
  /** Adds an agent to the roster (offline). Throws `ALREADY_EXISTS` for a known id. */
  registerAgent(input: AgentInput): AgentState;
  /** Opens a contact; with a `queueId` it queues and is routed at once. */
  openContact(input: ContactInput): Contact;
  /** Sends a command to an agent's presence machine. */
  agentCommand(agentId: string, command: AgentCommand): AgentState;
  /**
   * Sends a command to a contact's lifecycle machine. A frozen command of plain fields (e.g.
   * `Object.freeze({ type: 'connect' })`, kept and sent again) is validated only the first time.
   */
  contactCommand(contactId: string, command: ContactCommandInput): Contact;
  /** Adds a queue or replaces its rules; contacts waiting in it follow the new rules at once. */
  upsertQueue(input: QueueInput): Queue;
  /** Changes an agent's name, roles, skills or capacity; routing follows at once. */
  updateAgent(agentId: string, changes: AgentChanges): AgentState;
  /** Adds a reason code, or replaces the one with the same code. */
  upsertReasonCode(reason: ReasonCode): void;
  /** Adds a disposition, or replaces the one with the same code. */
  upsertDisposition(disposition: Disposition): void;
  /**
   * Asks the media layer to let `supervisorId` monitor, whisper to or barge into a contact in
   * conversation: emits `supervisor.monitorRequested` (the softphone or chat plugin carries it out).
   */
  requestMonitor(supervisorId: string, input: z.input<typeof monitorRequestSchema>): MonitorRequest;
  /** Records a supervisor's scorecard for an interaction: emits `supervisor.evaluated`. */
  recordEvaluation(supervisorId: string, input: z.input<typeof evaluationSchema>): Evaluation;
  /**
   * Puts a new contact into an IVR menu: emits `ivr.prompted` for the channel to render. The
   * answers classify the contact (queue, priority, skills, attributes) and it queues at the end.
   */
  startIvr(contactId: string, menuId: string): IvrPrompt;
  /** The customer's answer to the current prompt: the next prompt, or `null` once the contact queued. */
  answerIvr(contactId: string, key: string): IvrPrompt | null;
  /** Why a contact waits, or why it went to its agent (JSON-serialisable). */
  explain(contactId: string): RoutingExplanation;
  /** Adds a custom routing strategy that queues can name (plugins call this). */
  registerStrategy(name: string, strategy: RoutingStrategy): void;
  /**
   * Erases a customer's personal data from every contact of theirs (access and erasure
   * requests): each becomes a tombstone through a `contact.erased` event (customer
   * `{ id: tombstone }`, attribute strings `[erased]` except `keepAttributes`); ids, channels,
   * queues, times and agents stay, so KPIs are unchanged. Admins only (`PERMISSION_DENIED`).
   * The centre's own state, its events and every desk's snapshot are clean afterwards; stored
   * history is erased by `openCenterHistory(...).eraseCustomer` from `@switchboard/core/history`.
   */
  eraseCustomer(request: CustomerErasureRequest, actor: Actor): CustomerErasure;
  /** Cancels every timer; the centre refuses commands afterwards. */
  dispose(): void;
}

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
 * How a centre builds its IVR: `createContactCenter` validates and runs the menus it is given,
 * a desk's embedded centre (which has none) passes `noIvr` so the menu schema and runner
 * stay out of its bundle.
 */
export type IvrFactory = (menus: readonly IvrMenuInput[], host: CenterIvrHost) => IvrRunner;

/** What a centre lends its IVR: the runner's host, plus a queue lookup to check routes with. */
export interface CenterIvrHost extends IvrHost {
  /** Throws `NOT_FOUND` for an unknown queue. */
  readonly queueOf: (queueId: QueueId) => Queue;
}

/** Validates the menus (every route to a known queue) and runs them. */
function createIvrFromMenus(menus: readonly IvrMenuInput[], host: CenterIvrHost): IvrRunner {
  return createIvrRunner(
    new Map(
      menus.map((input) => {
        const menu = parseInput(ivrMenuSchema, input, 'IVR menu');
        const routes = [
          menu.fallback,
          ...Object.values(menu.nodes).flatMap((node) =>
            node.options.flatMap((option) => option.route ?? []),
          ),
        ];
        for (const route of routes) host.queueOf(route.queueId);
        return [menu.id, menu] as const;
      }),
    ),
    host,
  );
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
  const noHolders: readonly AgentId[] = Object.freeze([]);
  let escalationTimer: { at: number; handle: TimerHandle } | null = null;
  let disposed = false;
  let routing = false;

  const emit = bus.emit as (name: string, payload: unknown) => void;
  /** Frozen commands already validated, with their parse (see `parseContactCommand`). */
  const validCommands = new WeakMap<object, ContactCommand>();

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
   * Validates a host's command. A frozen command of plain fields cannot change after it passed,
   * so its parse is kept and the same object is not parsed again (a simulator or bot that
   * keeps its frozen `{ type: 'connect' }` sends it by the thousand); anything else is parsed
   * every time.
   */
  function parseContactCommand(input: ContactCommandInput): ContactCommand {
    const known = validCommands.get(input);
    if (known) return known;
    const command = parseInput(contactCommandSchema, input, 'contact command');
    if (isFrozenRecord(input)) validCommands.set(input, Object.freeze(command));
    return command;
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
      if (
        !contact.agentId ||
        !['connected', 'onHold', 'inConsult', 'conferenced'].includes(contact.status)
      ) {
        throw new SwitchboardError(
          'INVALID_TRANSITION',
          `Contact ${contactId} is not in conversation.`,
          {
            details: { contactId, status: contact.status },
          },
        );
      }
      const request: MonitorRequest = {
        supervisorId: agentOf(supervisorId).profile.id,
        agentId: contact.agentId,
        contactId: contact.id,
        mode,
        at: clock.now(),
      };
      emit('supervisor.monitorRequested', request);
      return request;
    },
    recordEvaluation(supervisorId, input) {
      assertLive();
      const parsed = parseInput(evaluationSchema, input, 'evaluation');
      const contact = contactOf(parsed.contactId);
      const agentId = parsed.agentId ?? contact.lastAgentId ?? contact.agentId;
      if (!agentId) {
        throw new SwitchboardError(
          'INVALID_TRANSITION',
          `Contact ${contact.id} was never handled.`,
          {
            details: { contactId: contact.id },
          },
        );
      }
      const total = parsed.scorecard.reduce((sum, line) => sum + line.score, 0);
      const best = parsed.scorecard.reduce((sum, line) => sum + line.max, 0);
      const evaluation: Evaluation = {
        contactId: contact.id,
        agentId,
        supervisorId: agentOf(supervisorId).profile.id,
        scorecard: parsed.scorecard,
        percent: (total / best) * 100,
        comment: parsed.comment,
        at: clock.now(),
      };
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
