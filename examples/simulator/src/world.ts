import {
  createContactCenter,
  defaultReasonCodes,
  type AgentId,
  type AgentState,
  type ContactCenter,
  type ContactId,
  type Contact,
} from '@switchboard/core';
import { createKpiEngine, customerKeyOf, type KpiEngine } from '@switchboard/core/metrics';
import { createVirtualClock, type VirtualClock } from '@switchboard/core/testing';
import { createAutoReplies, type OutboundReply } from '@switchboard/plugin-canned-responses';
import { createSimulatedInboxes, type SimulatedInboxes } from './inboxes';
import type { Random } from './random';
import type { Duration, Scenario } from './scenario';
import { END_OF_SHIFT } from './shifts';

/** One second, ms. */
export const SECOND = 1000;
/** One hour, ms. */
export const HOUR = 3600 * SECOND;
/** One day, ms. */
export const DAY = 24 * HOUR;
/** The engine's FCR window: a repeat within this many days makes a first contact unresolved. */
export const FCR_WINDOW_DAYS = 7;

/** A duration of the scenario drawn from `random`, ms. */
export const sampleMs = (random: Random, duration: Duration) =>
  (duration.distribution === 'exponential'
    ? random.exponential(duration.meanSec)
    : random.logNormal(duration.meanSec, duration.cv)) * SECOND;

/** The simulated world's timetable: actions at a simulated time, on the centre's virtual clock. */
export interface Agenda {
  /** Runs `run` at simulated time `time`. */
  readonly at: (time: number, run: () => void) => void;
}

/** The embedded centre of a run, with its clock, inboxes, KPI engine and automated replies. */
export interface SimWorld {
  /** The contact centre. */
  readonly center: ContactCenter;
  /** The virtual clock the centre and the world share. */
  readonly clock: VirtualClock;
  /** The world's actions, on `clock`. */
  readonly agenda: Agenda;
  /** The email, SMS and social inboxes feeding the centre. */
  readonly inboxes: SimulatedInboxes;
  /** The KPI engine, attached to the centre. */
  readonly kpis: KpiEngine;
  /** Automated replies sent to waiting chats and emails. */
  readonly autoReplies: { acknowledgements: number; waitUpdates: number };
  /** Start of the simulated day (ms since epoch, UTC). */
  readonly startAt: number;
  /** When arrivals stop. */
  readonly endAt: number;
  /** When the run stops at the latest (arrivals plus drain). */
  readonly stopAt: number;
  /** A contact's state now. */
  readonly contactOf: (id: ContactId) => Contact | undefined;
  /** An agent's state now. */
  readonly agentOf: (id: AgentId) => AgentState | undefined;
  /** Moves the KPI engine's clock to `time` (past the FCR window at the end of a run). */
  readonly setKpiNow: (time: number) => void;
}

/**
 * Builds the world of a run of `hours` hours: the centre with the scenario's queues and rules on
 * a virtual clock, the channel plugins' inboxes, the KPI engine and the canned-responses plugin's
 * automated replies; then hands the centre to `observe`.
 */
export function createWorld(
  scenario: Scenario,
  hours: number,
  observe?: (center: ContactCenter) => void,
): SimWorld {
  const startAt = Date.UTC(2026, 0, 5, scenario.startHour);
  const endAt = startAt + hours * HOUR;
  const stopAt = endAt + scenario.drainHours * HOUR;
  const clock = createVirtualClock(startAt);
  // The simulated world's actions share the virtual clock with the centre's own timers.
  const agenda: Agenda = {
    at: (time: number, run: () => void) => {
      clock.setTimeout(run, time - clock.now());
    },
  };
  let nextContact = 0;
  const center = createContactCenter({
    clock,
    queues: scenario.queues.map((queue) => ({
      id: queue.id,
      name: queue.name,
      channels: [queue.channel],
      requiredSkills: queue.requiredSkills,
      priority: queue.priority,
      serviceLevel: queue.serviceLevel,
    })),
    rules: {
      offerTimeoutMs: scenario.rules.offerTimeoutSec * SECOND,
      wrapUpLimitMs:
        scenario.rules.wrapUpLimitSec === null ? null : scenario.rules.wrapUpLimitSec * SECOND,
      maxMissedOffers: scenario.rules.maxMissedOffers,
    },
    createId: () => `c${++nextContact}`,
    // The router keeps an account of its last decisions for `explain`; nobody asks for one in a
    // run without an observer (the CLI's `--explain` observes), so it keeps none then: filing
    // each of the day's offers in that bounded map was work nobody read.
    ...(observe ? {} : { routing: { explanationLimit: 0 } }),
    reasonCodes: [
      ...defaultReasonCodes,
      { code: END_OF_SHIFT, label: 'End of shift', productive: false },
    ],
  });
  // Emails, SMS and social messages reach the centre through the channel plugins' inboxes, which
  // open, join or reopen their contacts, as a host's mail and webhook relays would feed them.
  const inboxes = createSimulatedInboxes({ center, clock });
  // The KPI engine books every figure of the report from the centre's events. Its clock is the
  // virtual one, until the end of the run moves it past the FCR window (see simulate.ts).
  let kpiNow: number | null = null;
  const kpis = createKpiEngine({
    clock: { now: () => kpiNow ?? clock.now() },
    // FCR keys on the customer and the reason: the simulated one, or its thread's for contacts
    // an inbox opened (their attributes carry the thread, not the reason).
    reasonOf: (contact) => {
      const { reason, threadId, conversationId } = contact.attributes;
      if (typeof reason === 'string') return reason;
      const thread = typeof threadId === 'string' ? threadId : conversationId;
      const known =
        typeof thread === 'string' && contact.queueId !== null
          ? inboxes.reasonOf(contact.queueId, thread)
          : undefined;
      return known ?? contact.queueId;
    },
    // A social customer has a handle on a network, not an id, phone or email: key FCR on that
    // when the default key finds nothing.
    customerOf: (contact) => {
      const { handle, network } = contact.customer.attributes;
      const social = typeof handle === 'string' ? `${String(network)}:${handle}` : null;
      return customerKeyOf(contact) ?? social;
    },
    serviceLevelSecondsByQueue: Object.fromEntries(
      scenario.queues.map((queue) => [queue.id, queue.serviceLevel.seconds]),
    ),
    fcrWindowDays: FCR_WINDOW_DAYS,
  });
  kpis.attach(center);
  // Chats and emails that queue get an acknowledgement at once, then wait updates: the
  // canned-responses plugin's centre-side replies, sent to a channel that only counts them. The
  // expected wait uses the scenario's mean handle time plus wrap-up per queue (a planning
  // figure, as a host would configure it; cheaper than asking the KPI engine at every reply).
  const autoReplies = { acknowledgements: 0, waitUpdates: 0 };
  const plannedHandleMs = new Map(
    scenario.queues.map((queue) => {
      const behaviour = scenario.channels[queue.channel];
      const meanSec = behaviour ? behaviour.handleTime.meanSec + behaviour.wrapUp.meanSec : null;
      return [queue.id, meanSec === null ? null : meanSec * SECOND] as const;
    }),
  );
  createAutoReplies({
    center,
    clock,
    handleTimeMs: (queueId) => plannedHandleMs.get(queueId) ?? null,
    queueNames: Object.fromEntries(scenario.queues.map((queue) => [queue.id, queue.name])),
    sender: {
      send: (reply: OutboundReply) => {
        if (reply.kind === 'acknowledgement') autoReplies.acknowledgements += 1;
        else if (reply.kind === 'waitUpdate') autoReplies.waitUpdates += 1;
      },
    },
  });
  observe?.(center);
  return {
    center,
    clock,
    agenda,
    inboxes,
    kpis,
    autoReplies,
    startAt,
    endAt,
    stopAt,
    contactOf: (id) => center.getSnapshot().contacts.get(id),
    agentOf: (id) => center.getSnapshot().agents.get(id),
    setKpiNow: (time) => {
      kpiNow = time;
    },
  };
}
