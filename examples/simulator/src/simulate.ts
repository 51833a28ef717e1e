import {
  createContactCenter,
  defaultReasonCodes,
  type AgentId,
  type ContactCenter,
  type ContactId,
  type SwitchboardEvents,
} from '@switchboard/core';
import { createKpiEngine, customerKeyOf, type KpiRow } from '@switchboard/core/metrics';
import { createVirtualClock } from '@switchboard/core/testing';
import { createAutoReplies, type OutboundReply } from '@switchboard/plugin-canned-responses';
import {
  createSimulatedInboxes,
  customerReplies,
  inboxChannels,
  type InboxChannel,
  type InboxCounts,
} from './inboxes';
import { createRandom, type Random } from './random';
import { END_OF_SHIFT, scheduleShifts } from './shifts';
import {
  occupancyOf,
  percent,
  round,
  rowOf,
  tableRow,
  type ChannelReport,
  type QueueReport,
} from './reportRows';
import {
  canServe,
  simulatedChannels,
  type Duration,
  type Scenario,
  type SimChannel,
} from './scenario';
import { INTERVAL_MS, clockOf, createTimelineRecorder, type IntervalSummary } from './timeline';

export type { ChannelReport, KpiTableRow, QueueReport } from './reportRows';
export type { IntervalChannel, IntervalSummary } from './timeline';
export type { InboxChannel, InboxCounts } from './inboxes';

/** What a simulated contact will need, drawn as it arrives. */
interface ContactNeeds {
  /** Connected to end of conversation, ms. */
  readonly handleMs: number;
  /** After-contact work, ms. */
  readonly wrapUpMs: number;
  /** The disposition the agent records. */
  readonly disposition: string;
  /** The customer's survey score, or `null` when they will not answer one. */
  readonly surveyScore: number | null;
}

/** Options of {@link simulate}; `hours` and `agents` override the scenario's. */
export interface SimulateOptions {
  /** Seed of every random choice: the same seed gives the same report. Default 1. */
  readonly seed?: number;
  /** Hours of arrivals. */
  readonly hours?: number;
  /** Agents on shift. */
  readonly agents?: number;
  /**
   * Agents on shift per 15-minute interval of the run, from its start (capacity planning); the
   * last value holds for the rest of the run. Replaces `agents`.
   */
  readonly staffing?: readonly number[];
  /** Called at the end of every simulated hour. */
  readonly onProgress?: (progress: HourProgress) => void;
  /** Called now and then (every few thousand timer steps) with how far the run has come. */
  readonly onTick?: (tick: Tick) => void;
  /** Called once with the centre before the first arrival, to tally its events (tests). */
  readonly observe?: (center: ContactCenter) => void;
}

/** How far a run has come, for a progress bar. */
export interface Tick {
  /** Simulated minutes since the start. */
  readonly minutes: number;
  /** The longest the run can take (arrival hours plus drain), minutes. */
  readonly maxMinutes: number;
  /** Time of day, e.g. `09:30`. */
  readonly clock: string;
  /** Contacts arrived so far. */
  readonly arrived: number;
}

/** The state of the centre at the end of one simulated hour. */
export interface HourProgress {
  /** Hours simulated so far (1 = the first hour is over). */
  readonly hour: number;
  /** Time of day at the end of the hour, e.g. `09:00`. */
  readonly clock: string;
  /** Contacts arrived so far. */
  readonly arrived: number;
  /** Contacts handled so far (the KPI engine's count). */
  readonly handled: number;
  /** Contacts abandoned so far, short abandons included (the KPI engine's count). */
  readonly abandoned: number;
  /** Contacts waiting in a queue right now. */
  readonly waiting: number;
  /** Agents holding at least one contact right now. */
  readonly busyAgents: number;
  /** Agents on break right now. */
  readonly onBreak: number;
}

/** What a simulated day did. Apart from `wall`, the same scenario and seed give the same report. */
export interface SimulationReport {
  /** The scenario's name. */
  readonly scenario: string;
  /** The seed used. */
  readonly seed: number;
  /** Hours of arrivals. */
  readonly hours: number;
  /** Agents on shift. */
  readonly agents: number;
  /** Start of the simulated day (ms since epoch, UTC). */
  readonly startAt: number;
  /** Simulated time including the drain after arrivals stop, minutes. */
  readonly simulatedMinutes: number;
  /** KPIs per channel, in the scenario's channel order. */
  readonly channels: readonly ChannelReport[];
  /** KPIs per queue, in the scenario's queue order. */
  readonly queues: readonly QueueReport[];
  /** KPIs over every channel. */
  readonly totals: ChannelReport;
  /** Agents' occupancy during the arrival hours (whole 15-minute intervals), percent. */
  readonly occupancyPct: number | null;
  /** The engine's 15-minute interval rows (`groupBy: 'interval'`) over the whole run. */
  readonly intervals: readonly KpiRow[];
  /** The run per 15-minute interval (arrivals, service level, occupancy, waiting): the charts. */
  readonly timeline: readonly IntervalSummary[];
  /** What happened to offers made to agents. */
  readonly offers: {
    readonly made: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly missed: number;
    /** Offers that ended because the customer hung up while the agent's phone rang. */
    readonly withdrawn: number;
  };
  /** Survey results recorded. */
  readonly surveys: number;
  /**
   * Automated replies to waiting chats and emails (`createAutoReplies` of
   * `@switchboard/plugin-canned-responses`): acknowledgements with the queue position and
   * expected wait, and the wait updates that follow.
   */
  readonly autoReplies: { readonly acknowledgements: number; readonly waitUpdates: number };
  /**
   * What the channel plugins' inboxes did with the customers' messages: emails through
   * `createEmailInbox` of `@switchboard/plugin-email` (threaded by Message-ID, In-Reply-To and
   * References), SMS and social messages through `createConversationInbox` of
   * `@switchboard/plugin-sms-social` (a conversation per sender). A message that joins its
   * thread's open contact opens none: `arrived` counts contacts, `messages` counts messages.
   */
  readonly inboxes: Readonly<Record<InboxChannel, InboxCounts>>;
  /** Times the centre made an agent not ready after missed offers. */
  readonly missedOfferLockouts: number;
  /** Breaks taken. */
  readonly breaks: number;
  /** Wrap-ups the centre completed on its own at the wrap-up limit (no disposition). */
  readonly autoCompletedWrapUps: number;
  /** Domain events the centre emitted. */
  readonly events: number;
  /** Wall-clock cost: not part of the deterministic result. */
  readonly wall: {
    /** Wall time of the run, ms. */
    readonly ms: number;
    /** Simulated contacts per second of wall time. */
    readonly contactsPerSecond: number;
  };
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;

const DAY = 24 * HOUR;
/** The engine's FCR window: a repeat within this many days makes a first contact unresolved. */
const FCR_WINDOW_DAYS = 7;

/**
 * Splits `total` over weighted groups by largest remainder; when there are at least as many as
 * groups, every group gets one (taken from the largest).
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((share) => (share / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    left -= 1;
  }
  if (total >= shares.length) {
    counts.forEach((count, index) => {
      if (count > 0) return;
      const largest = counts.indexOf(Math.max(...counts));
      counts[largest] = (counts[largest] ?? 0) - 1;
      counts[index] = 1;
    });
  }
  return counts;
}

/**
 * Runs a simulated day of `scenario` on an embedded contact centre and a virtual clock:
 * Poisson arrivals per queue following the daily curve, impatient customers, agents who think,
 * accept (or now and then decline or miss), talk, wrap up and take breaks. Pure: the same
 * scenario and options give the same report, apart from its `wall` timings.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationReport {
  const wallStart = performance.now();
  const seed = options.seed ?? 1;
  const hours = options.hours ?? scenario.hours;
  const { staffing } = options;
  if (
    staffing &&
    (staffing.length === 0 || !staffing.every((n) => Number.isInteger(n) && n >= 0 && n <= 5000))
  ) {
    throw new RangeError('staffing must give 0 to 5000 agents for each interval');
  }
  const agentCount = options.agents ?? scenario.agents;
  // Common random numbers: customers (arrivals and everything each contact needs, drawn as it
  // arrives), agents' reactions and breaks draw from separate streams, so that another staffing
  // meets the same customers; only what agents do differs.
  const customerRandom = createRandom(seed, 0);
  const agentRandom = createRandom(seed, 1);
  const breakRandom = createRandom(seed, 2);
  // Customers' replies to their own earlier message draw from their own stream too.
  const replyRandom = createRandom(seed, 3);
  const sample = (random: Random, duration: Duration) =>
    (duration.distribution === 'exponential'
      ? random.exponential(duration.meanSec)
      : random.logNormal(duration.meanSec, duration.cv)) * SECOND;
  /** What each contact in progress will need, drawn as it arrives. */
  const needsOf = new Map<ContactId, ContactNeeds>();

  const startAt = Date.UTC(2026, 0, 5, scenario.startHour);
  const endAt = startAt + hours * HOUR;
  const stopAt = endAt + scenario.drainHours * HOUR;
  const clock = createVirtualClock(startAt);
  // The simulated world's actions share the virtual clock with the centre's own timers.
  const agenda = {
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
    reasonCodes: [
      ...defaultReasonCodes,
      { code: END_OF_SHIFT, label: 'End of shift', productive: false },
    ],
  });
  // Emails, SMS and social messages reach the centre through the channel plugins' inboxes, which
  // open, join or reopen their contacts, as a host's mail and webhook relays would feed them.
  const inboxes = createSimulatedInboxes({ center, clock });
  // The KPI engine books every figure of the report from the centre's events. Its clock is the
  // virtual one, until the end of the run moves it past the FCR window (see below).
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
  options.observe?.(center);
  const contactOf = (id: ContactId) => center.getSnapshot().contacts.get(id);
  const agentOf = (id: AgentId) => center.getSnapshot().agents.get(id);

  // ---- what only the simulator counts -----------------------------------------------------
  /** Arrivals per queue id. */
  const arrivedBy = new Map<string, number>();
  const recorder = createTimelineRecorder(startAt);
  const offers = { made: 0, accepted: 0, rejected: 0, missed: 0, withdrawn: 0 };
  const ringing = new Set<ContactId>();
  let lockouts = 0;
  let breaks = 0;
  let autoCompleted = 0;
  let events = 0;
  let surveys = 0;
  let finished = 0;
  /** Contacts arrived and not yet completed, abandoned or failed. */
  const inProgress = new Set<ContactId>();
  // onAny listeners run after the named ones, in subscription order: this one after the engine's,
  // so a completed contact is known to the engine when its survey is recorded.
  center.events.onAny((name, payload) => {
    events += 1;
    if (name !== 'contact.completed') return;
    const { contactId, state } = payload as SwitchboardEvents['contact.completed'];
    const score = needsOf.get(contactId)?.surveyScore ?? null;
    needsOf.delete(contactId);
    if (state.timestamps.connected === undefined || score === null) return;
    kpis.recordSurvey({ contactId, score });
    surveys += 1;
  });

  // ---- agents -----------------------------------------------------------------------------
  const shares = scenario.agentProfiles.map((profile) => profile.share);
  // With a staffing plan, each profile gets as many agents as its largest share of any interval.
  const counts = staffing
    ? shares.map((_, profile) =>
        Math.max(...staffing.map((count) => apportion(count, shares)[profile] ?? 0)),
      )
    : apportion(agentCount, shares);
  const agentIds: AgentId[] = [];
  /** The profile (index) of each agent in `agentIds`. */
  const profileOf: number[] = [];
  scenario.agentProfiles.forEach((profile, group) => {
    for (let i = 0; i < (counts[group] ?? 0); i += 1) {
      const number = agentIds.length + 1;
      const agent = center.registerAgent({
        id: `agent-${String(number).padStart(4, '0')}`,
        name: `Agent ${number} (${profile.name})`,
        skills: profile.skills,
        capacity: profile.capacity,
      });
      agentIds.push(agent.profile.id);
      profileOf.push(group);
    }
  });
  const shifts = staffing
    ? scheduleShifts({
        center,
        at: agenda.at,
        startAt,
        staffing,
        agentIds,
        profileOf,
        split: (count) => apportion(count, shares),
      })
    : null;
  if (!shifts) for (const agentId of agentIds) center.agentCommand(agentId, { type: 'login' });

  const breakCount = Math.floor(hours / scenario.breaks.everyHours);
  const breakMs = scenario.breaks.durationMin * 60 * SECOND;
  for (const agentId of agentIds) {
    for (let k = 0; k < breakCount; k += 1) {
      const at = startAt + (k + 0.2 + 0.7 * breakRandom.next()) * scenario.breaks.everyHours * HOUR;
      if (at + breakMs > endAt) continue;
      agenda.at(at, () => {
        if (shifts && !shifts.isOn(agentId)) return;
        const presence = agentOf(agentId)?.presence;
        const onBreak = presence?.status === 'notReady' && presence.reason === 'break';
        if (!presence || presence.status === 'offline' || onBreak) return;
        center.agentCommand(agentId, { type: 'setNotReady', reason: 'break' });
        breaks += 1;
        agenda.at(clock.now() + breakMs, () => {
          const now = agentOf(agentId)?.presence;
          if (now?.status === 'notReady' && now.reason === 'break') {
            center.agentCommand(agentId, { type: 'setAvailable' });
          }
        });
      });
    }
  }

  center.events.on('agent.statusChanged', ({ agentId, presence }) => {
    if (presence.status !== 'notReady' || presence.reason !== 'missedOffers') return;
    lockouts += 1;
    agenda.at(clock.now() + scenario.behaviour.recoverAfterMissSec * SECOND, () => {
      const now = agentOf(agentId)?.presence;
      if (now?.status === 'notReady' && now.reason === 'missedOffers') {
        center.agentCommand(agentId, { type: 'setAvailable' });
      }
    });
  });

  // ---- agent behaviour --------------------------------------------------------------------
  const { behaviour } = scenario;
  const stillOffered = (contactId: ContactId, agentId: AgentId) => {
    const contact = contactOf(contactId);
    return contact?.status === 'offered' && contact.agentId === agentId;
  };
  center.events.on('contact.offered', ({ contactId, agentId }) => {
    offers.made += 1;
    ringing.add(contactId);
    const roll = agentRandom.next();
    if (roll < behaviour.missProbability) return; // looks away: the offer times out
    const type =
      roll < behaviour.missProbability + behaviour.rejectProbability ? 'reject' : 'accept';
    agenda.at(clock.now() + sample(agentRandom, behaviour.thinkTime), () => {
      if (stillOffered(contactId, agentId)) center.contactCommand(contactId, { type, agentId });
    });
  });
  center.events.on('contact.rejected', ({ contactId }) => {
    offers.rejected += 1;
    ringing.delete(contactId);
  });
  center.events.on('contact.missed', ({ contactId }) => {
    offers.missed += 1;
    ringing.delete(contactId);
  });
  center.events.on('contact.abandoned', ({ contactId }) => {
    if (ringing.delete(contactId)) offers.withdrawn += 1;
  });
  center.events.on('contact.accepted', ({ contactId, state }) => {
    offers.accepted += 1;
    ringing.delete(contactId);
    if (center.rules.autoConnect.includes(state.channel)) return;
    agenda.at(clock.now() + sample(agentRandom, behaviour.connectDelay), () => {
      if (contactOf(contactId)?.status === 'accepted')
        center.contactCommand(contactId, { type: 'connect' });
    });
  });
  center.events.on('contact.connected', ({ contactId }) => {
    const needs = needsOf.get(contactId);
    if (!needs) return;
    agenda.at(clock.now() + needs.handleMs, () => {
      if (contactOf(contactId)?.status === 'connected')
        center.contactCommand(contactId, { type: 'end' });
    });
  });
  center.events.on('contact.wrapUpStarted', ({ contactId }) => {
    const needs = needsOf.get(contactId);
    if (!needs) return;
    const { disposition } = needs;
    agenda.at(clock.now() + needs.wrapUpMs, () => {
      if (contactOf(contactId)?.status === 'wrapUp') {
        center.contactCommand(contactId, { type: 'complete', disposition });
      }
    });
  });
  // An agent whose shift ended logs out once their last contact is done.
  if (shifts) {
    const settleSoon = () => {
      agenda.at(clock.now(), () => {
        shifts.settle();
      });
    };
    for (const name of ['contact.completed', 'contact.abandoned', 'contact.missed'] as const) {
      center.events.on(name, settleSoon);
    }
  }
  center.events.on('contact.completed', ({ contactId, disposition }) => {
    inProgress.delete(contactId);
    finished += 1;
    if (disposition === null) autoCompleted += 1;
  });
  center.events.on('contact.abandoned', ({ contactId }) => {
    inProgress.delete(contactId);
    needsOf.delete(contactId);
    finished += 1;
  });
  center.events.on('contact.failed', ({ contactId }) => {
    inProgress.delete(contactId);
    needsOf.delete(contactId);
    finished += 1;
  });

  // ---- customers --------------------------------------------------------------------------
  const rateAt = (time: number, perHour: number) => {
    const hourOfDay = (scenario.startHour + Math.floor((time - startAt) / HOUR)) % 24;
    return perHour * (scenario.arrivalCurve[hourOfDay] ?? 0);
  };
  /** The next arrival after `from` of a Poisson stream whose rate is constant within each hour. */
  const nextArrival = (from: number, perHour: number): number | null => {
    for (let time = from; time < endAt;) {
      const hourEnd = Math.min(endAt, startAt + (Math.floor((time - startAt) / HOUR) + 1) * HOUR);
      const rate = rateAt(time, perHour);
      const candidate =
        rate > 0 ? time + customerRandom.exponential(HOUR / rate) : Number.POSITIVE_INFINITY;
      if (candidate < hourEnd) return candidate;
      time = hourEnd; // memoryless: start afresh at the hour's rate
    }
    return null;
  };
  let arrived = 0;
  /** Books a new contact of `queue`: what it needs, and when its customer gives up waiting. */
  const admit = (
    queue: Scenario['queues'][number],
    contactId: ContactId,
    { patienceMs, needs }: { patienceMs: number | null; needs: ContactNeeds },
  ) => {
    arrived += 1;
    arrivedBy.set(queue.id, (arrivedBy.get(queue.id) ?? 0) + 1);
    recorder.arrival(queue.channel, clock.now());
    inProgress.add(contactId);
    needsOf.set(contactId, needs);
    if (patienceMs !== null) {
      agenda.at(clock.now() + patienceMs, () => {
        const status = contactOf(contactId)?.status;
        if (status === 'queued' || status === 'offered') {
          center.contactCommand(contactId, { type: 'abandon' });
        }
      });
    }
  };
  /** What a contact of `queue` will need. Always the same draws in the same order. */
  const drawNeeds = (random: Random, queue: Scenario['queues'][number]) => {
    const behaviourOf = scenario.channels[queue.channel];
    const patienceMs = behaviourOf?.patience ? sample(random, behaviourOf.patience) : null;
    const handleMs = behaviourOf ? sample(random, behaviourOf.handleTime) : 0;
    const wrapUpMs = behaviourOf ? sample(random, behaviourOf.wrapUp) : 0;
    const disposition = random.weighted(scenario.dispositions, (code) => code.weight).code;
    const answers = random.chance(scenario.csat.responseRate);
    const weights = scenario.csat.scores[queue.channel];
    const score = weights
      ? random.weighted([1, 2, 3, 4, 5], (value) => weights[value - 1] ?? 0)
      : null;
    return {
      patienceMs,
      needs: { handleMs, wrapUpMs, disposition, surveyScore: answers ? score : null },
    };
  };
  const inboxChannelOf = (channel: SimChannel) =>
    (inboxChannels as readonly string[]).includes(channel) ? (channel as InboxChannel) : null;
  /**
   * A share of customers write again in the same thread a while after their first message (an
   * email with In-Reply-To and References, the next SMS or social message): the inbox joins it
   * to the open contact, or opens a follow-up when that one is finished.
   */
  const planReply = (
    queue: Scenario['queues'][number],
    channel: InboxChannel,
    first: { customer: number; reason: string; messageId: string },
  ) => {
    const { share, meanDelaySec } = customerReplies[channel];
    if (!replyRandom.chance(share)) return;
    const at = clock.now() + replyRandom.exponential(meanDelaySec) * SECOND;
    if (at >= endAt) return;
    agenda.at(at, () => {
      const needs = drawNeeds(replyRandom, queue);
      const receipt = inboxes.receive({
        channel,
        queueId: queue.id,
        customer: first.customer,
        reason: first.reason,
        replyTo: first.messageId,
      });
      if (receipt.opened) admit(queue, receipt.contactId, needs);
    });
  };
  for (const queue of scenario.queues) {
    const inboxChannel = inboxChannelOf(queue.channel);
    const arrive = () => {
      const random = customerRandom;
      const reason = random.weighted(scenario.customers.reasons, (item) => item.weight).code;
      const customerNumber = random.int(1, scenario.customers.population);
      // Always the same draws in the same order, whatever happens to the contact later.
      const needs = drawNeeds(random, queue);
      if (inboxChannel) {
        const receipt = inboxes.receive({
          channel: inboxChannel,
          queueId: queue.id,
          customer: customerNumber,
          reason,
          replyTo: null,
        });
        if (receipt.opened) admit(queue, receipt.contactId, needs);
        planReply(queue, inboxChannel, {
          customer: customerNumber,
          reason,
          messageId: receipt.messageId,
        });
      } else {
        const contact = center.openContact({
          channel: queue.channel,
          direction: queue.channel === 'callback' ? 'outbound' : 'inbound',
          queueId: queue.id,
          customer: { id: `cust-${customerNumber}`, attributes: {} },
          // The engine keys FCR by customer and `attributes.reason`.
          attributes: { simulated: true, reason },
        });
        admit(queue, contact.id, needs);
      }
      const next = nextArrival(clock.now(), queue.arrivalsPerHour);
      if (next !== null) agenda.at(next, arrive);
    };
    const first = nextArrival(startAt, queue.arrivalsPerHour);
    if (first !== null) agenda.at(first, arrive);
  }

  // ---- queue lengths per interval ----------------------------------------------------------
  // Looks only at the contacts in progress: scanning every contact of a long run at every
  // interval would grow with the square of its length.
  const queuedNow = () => {
    let queued = 0;
    for (const id of inProgress) if (contactOf(id)?.status === 'queued') queued += 1;
    return queued;
  };
  for (let index = 0; startAt + (index + 1) * INTERVAL_MS <= stopAt; index += 1) {
    agenda.at(startAt + (index + 1) * INTERVAL_MS, () => {
      recorder.waiting(index, queuedNow());
    });
  }

  // ---- progress and the clock -------------------------------------------------------------
  const totalCounts = () => kpis.report({ groupBy: 'total' }).rows[0]?.counts;
  const { onProgress } = options;
  if (onProgress) {
    for (let hour = 1; hour <= Math.ceil(hours); hour += 1) {
      const at = Math.min(endAt, startAt + hour * HOUR);
      agenda.at(at, () => {
        const snapshot = center.getSnapshot();
        const agents = [...snapshot.agents.values()];
        const counts = totalCounts();
        onProgress({
          hour,
          clock: clockOf(at),
          arrived,
          handled: counts?.handled ?? 0,
          abandoned: (counts?.abandoned ?? 0) + (counts?.shortAbandoned ?? 0),
          waiting: queuedNow(),
          busyAgents: agents.filter((agent) => agent.contactIds.length > 0).length,
          onBreak: agents.filter(
            (agent) => agent.presence.status === 'notReady' && agent.presence.reason === 'break',
          ).length,
        });
      });
    }
  }

  // Step from one due timer to the next, the world's actions and the centre's alike.
  const maxSteps = 1_000_000 + 1_000 * (hours + scenario.drainHours) * (agentIds.length + 1_000);
  const { onTick } = options;
  const tickOf = (): Tick => ({
    minutes: (clock.now() - startAt) / 60_000,
    maxMinutes: (stopAt - startAt) / 60_000,
    clock: clockOf(clock.now()),
    arrived,
  });
  for (let steps = 0; ; steps += 1) {
    const at = clock.nextDue();
    if (at === undefined || at > stopAt) break;
    if (at >= endAt && finished === arrived) break;
    if (steps > maxSteps) throw new RangeError(`Simulation did not settle after ${maxSteps} steps`);
    clock.advanceTo(at);
    if (onTick && steps % 2_000 === 0) onTick(tickOf());
  }
  onTick?.(tickOf());
  const runEnd = clock.now();
  const simulatedMinutes = round((runEnd - startAt) / 60_000);

  // What is still open when the run stops, per queue.
  const openBy = new Map<string, number>();
  for (const contact of center.getSnapshot().contacts.values()) {
    if (['completed', 'abandoned', 'failed'].includes(contact.status)) continue;
    const queue = contact.queueId ?? '';
    openBy.set(queue, (openBy.get(queue) ?? 0) + 1);
  }
  // The shift ends: agents holding nothing log out, so their time stops counting. Then the
  // engine's clock moves past the FCR window: first contacts nobody repeated within the
  // simulated day close (resolved when their disposition is), as if no one came back later.
  for (const agent of center.getSnapshot().agents.values()) {
    if (agent.contactIds.length === 0 && agent.presence.status !== 'offline') {
      center.agentCommand(agent.profile.id, { type: 'logout' });
    }
  }
  kpiNow = runEnd + FCR_WINDOW_DAYS * DAY + 1;
  center.dispose();

  // ---- report -----------------------------------------------------------------------------
  const targetOf = (queues: Scenario['queues']) => {
    const targets = new Set(
      queues.map((queue) => `${queue.serviceLevel.percent}/${queue.serviceLevel.seconds}s`),
    );
    return targets.size === 1 ? [...targets].join('') : 'per queue';
  };
  const range = { from: startAt, to: runEnd };
  const agentRows = kpis.report({ from: startAt, to: endAt, groupBy: 'agent' }).rows;
  /** Occupancy of the agents who can serve at least one of `queues`. */
  const occupancyFor = (queues: Scenario['queues']) =>
    occupancyOf(
      agentRows,
      new Set(
        agentIds.filter((_, index) => {
          const profile = scenario.agentProfiles[profileOf[index] ?? 0];
          return profile !== undefined && queues.some((queue) => canServe(profile, queue));
        }),
      ),
    );
  const sumOf = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
  const used = simulatedChannels.filter((channel) =>
    scenario.queues.some((queue) => queue.channel === channel),
  );
  const byChannel = kpis.report({ ...range, groupBy: 'channel' }).rows;
  const byQueue = kpis.report({ ...range, groupBy: 'queue' }).rows;
  const channelRow = (channel: SimChannel): ChannelReport => {
    const queues = scenario.queues.filter((queue) => queue.channel === channel);
    return {
      channel,
      ...tableRow(rowOf(byChannel, channel), {
        arrived: sumOf(queues.map((queue) => arrivedBy.get(queue.id) ?? 0)),
        open: sumOf(queues.map((queue) => openBy.get(queue.id) ?? 0)),
        serviceLevelTarget: targetOf(queues),
        occupancy: occupancyFor(queues),
      }),
    };
  };
  const queueRow = (queue: Scenario['queues'][number]): QueueReport => ({
    queue: queue.id,
    name: queue.name,
    channel: queue.channel,
    ...tableRow(rowOf(byQueue, queue.id), {
      arrived: arrivedBy.get(queue.id) ?? 0,
      open: openBy.get(queue.id) ?? 0,
      serviceLevelTarget: targetOf([queue]),
      occupancy: occupancyFor([queue]),
    }),
  });
  const total = rowOf(kpis.report({ ...range, groupBy: 'total' }).rows, 'total');
  const duringArrivals = kpis.report({ from: startAt, to: endAt, groupBy: 'total' }).rows[0];
  const occupancy = duringArrivals?.kpis.occupancy ?? null;
  const totals: ChannelReport = {
    channel: 'total',
    ...tableRow(total, {
      arrived,
      open: sumOf(openBy.values()),
      serviceLevelTarget: targetOf(scenario.queues),
      occupancy,
    }),
  };
  const intervals = kpis.report({ ...range, groupBy: 'interval' }).rows;
  const timeline = recorder.build((query) => kpis.report(query), runEnd, used, queuedNow());
  const wallMs = performance.now() - wallStart;
  return {
    scenario: scenario.name,
    seed,
    hours,
    agents: agentIds.length,
    startAt,
    simulatedMinutes,
    channels: used.map(channelRow),
    queues: scenario.queues.map(queueRow),
    totals,
    occupancyPct: percent(occupancy),
    intervals,
    timeline,
    offers,
    surveys,
    autoReplies,
    inboxes: inboxes.counts(),
    missedOfferLockouts: lockouts,
    breaks,
    autoCompletedWrapUps: autoCompleted,
    events,
    wall: { ms: round(wallMs), contactsPerSecond: Math.round(arrived / (wallMs / SECOND)) },
  };
}
