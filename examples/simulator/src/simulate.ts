import {
  createContactCenter,
  type AgentId,
  type ContactCenter,
  type ContactId,
  type SwitchboardEvents,
} from '@switchboard/core';
import {
  computeKpis,
  createKpiEngine,
  sumCounts,
  type KpiCounts,
  type KpiFigures,
  type KpiRow,
} from '@switchboard/core/metrics';
import { createVirtualClock } from '@switchboard/core/testing';
import { createRandom } from './random';
import { simulatedChannels, type Duration, type Scenario, type SimChannel } from './scenario';

/** Options of {@link simulate}; `hours` and `agents` override the scenario's. */
export interface SimulateOptions {
  /** Seed of every random choice: the same seed gives the same report. Default 1. */
  readonly seed?: number;
  /** Hours of arrivals. */
  readonly hours?: number;
  /** Agents on shift. */
  readonly agents?: number;
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

/**
 * One channel (or all of them) as the KPI engine of `@switchboard/core/metrics` reports it,
 * plus what only the simulator knows (arrivals, contacts still open).
 */
export interface ChannelReport {
  /** The channel, or `total`. */
  readonly channel: SimChannel | 'total';
  /** Contacts that arrived. */
  readonly arrived: number;
  /** Contacts completed after an agent connected (engine `handled`). */
  readonly handled: number;
  /** Customers who gave up while queued or offered, short abandons included. */
  readonly abandoned: number;
  /** Contacts still queued or in hand when the simulation stopped. */
  readonly open: number;
  /** Average handle time (talk + hold + wrap-up), seconds; `null` without handled contacts. */
  readonly ahtSec: number | null;
  /** Average speed of answer (first queued to first accept), seconds. */
  readonly asaSec: number | null;
  /** First-contact resolution, percent. */
  readonly fcrPct: number | null;
  /** Customer satisfaction: surveys scored 4-5, percent. */
  readonly csatPct: number | null;
  /** Abandonment rate (short abandons left out), percent. */
  readonly abandonRatePct: number | null;
  /** Service level: answered within the queue's target / (answered + abandoned after it), percent. */
  readonly serviceLevelPct: number | null;
  /** The queues' service-level targets, e.g. `80/20s`. */
  readonly serviceLevelTarget: string;
  /** The engine's counts behind the figures (additive). */
  readonly counts: KpiCounts;
  /** The engine's figures (ms and rates from 0 to 1). */
  readonly kpis: KpiFigures;
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
  /** KPIs over every channel. */
  readonly totals: ChannelReport;
  /** Agents' occupancy during the arrival hours (whole 15-minute intervals), percent. */
  readonly occupancyPct: number | null;
  /** The engine's 15-minute interval rows (`groupBy: 'interval'`) over the whole run. */
  readonly intervals: readonly KpiRow[];
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

const round = (value: number, digits = 1) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
/** A rate (0-1) or ms figure of the engine, as a rounded percent or seconds; `null` stays. */
const percent = (rate: number | null) => (rate === null ? null : round(100 * rate));
const seconds = (ms: number | null) => (ms === null ? null : round(ms / SECOND));
const clockOf = (time: number) => {
  const date = new Date(time);
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
};

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
  const agentCount = options.agents ?? scenario.agents;
  const random = createRandom(seed);
  const sample = (duration: Duration) =>
    (duration.distribution === 'exponential'
      ? random.exponential(duration.meanSec)
      : random.logNormal(duration.meanSec, duration.cv)) * SECOND;

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
  });
  // The KPI engine books every figure of the report from the centre's events. Its clock is the
  // virtual one, until the end of the run moves it past the FCR window (see below).
  let kpiNow: number | null = null;
  const kpis = createKpiEngine({
    clock: { now: () => kpiNow ?? clock.now() },
    serviceLevelSecondsByQueue: Object.fromEntries(
      scenario.queues.map((queue) => [queue.id, queue.serviceLevel.seconds]),
    ),
    fcrWindowDays: FCR_WINDOW_DAYS,
  });
  kpis.attach(center);
  options.observe?.(center);
  const contactOf = (id: ContactId) => center.getSnapshot().contacts.get(id);
  const agentOf = (id: AgentId) => center.getSnapshot().agents.get(id);

  // ---- what only the simulator counts -----------------------------------------------------
  const arrivedBy = new Map<SimChannel, number>(simulatedChannels.map((channel) => [channel, 0]));
  const offers = { made: 0, accepted: 0, rejected: 0, missed: 0, withdrawn: 0 };
  const ringing = new Set<ContactId>();
  let lockouts = 0;
  let breaks = 0;
  let autoCompleted = 0;
  let events = 0;
  let surveys = 0;
  let finished = 0;
  // onAny listeners run after the named ones, in subscription order: this one after the engine's,
  // so a completed contact is known to the engine when its survey is recorded.
  center.events.onAny((name, payload) => {
    events += 1;
    if (name !== 'contact.completed') return;
    const { contactId, state } = payload as SwitchboardEvents['contact.completed'];
    const weights = scenario.csat.scores[state.channel];
    if (state.timestamps.connected === undefined || !weights) return;
    if (!random.chance(scenario.csat.responseRate)) return;
    const score = random.weighted([1, 2, 3, 4, 5], (value) => weights[value - 1] ?? 0);
    kpis.recordSurvey({ contactId, score });
    surveys += 1;
  });

  // ---- agents -----------------------------------------------------------------------------
  const counts = apportion(
    agentCount,
    scenario.agentProfiles.map((profile) => profile.share),
  );
  const agentIds: AgentId[] = [];
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
    }
  });
  for (const agentId of agentIds) center.agentCommand(agentId, { type: 'login' });

  const breakCount = Math.floor(hours / scenario.breaks.everyHours);
  const breakMs = scenario.breaks.durationMin * 60 * SECOND;
  for (const agentId of agentIds) {
    for (let k = 0; k < breakCount; k += 1) {
      const at = startAt + (k + 0.2 + 0.7 * random.next()) * scenario.breaks.everyHours * HOUR;
      if (at + breakMs > endAt) continue;
      agenda.at(at, () => {
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
    const roll = random.next();
    if (roll < behaviour.missProbability) return; // looks away: the offer times out
    const type =
      roll < behaviour.missProbability + behaviour.rejectProbability ? 'reject' : 'accept';
    agenda.at(clock.now() + sample(behaviour.thinkTime), () => {
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
    agenda.at(clock.now() + sample(behaviour.connectDelay), () => {
      if (contactOf(contactId)?.status === 'accepted')
        center.contactCommand(contactId, { type: 'connect' });
    });
  });
  center.events.on('contact.connected', ({ contactId, state }) => {
    const handle = scenario.channels[state.channel]?.handleTime;
    if (!handle) return;
    agenda.at(clock.now() + sample(handle), () => {
      if (contactOf(contactId)?.status === 'connected')
        center.contactCommand(contactId, { type: 'end' });
    });
  });
  center.events.on('contact.wrapUpStarted', ({ contactId, state }) => {
    const wrapUp = scenario.channels[state.channel]?.wrapUp;
    if (!wrapUp) return;
    const disposition = random.weighted(scenario.dispositions, (code) => code.weight).code;
    agenda.at(clock.now() + sample(wrapUp), () => {
      if (contactOf(contactId)?.status === 'wrapUp') {
        center.contactCommand(contactId, { type: 'complete', disposition });
      }
    });
  });
  center.events.on('contact.completed', ({ disposition }) => {
    finished += 1;
    if (disposition === null) autoCompleted += 1;
  });
  center.events.on('contact.abandoned', () => {
    finished += 1;
  });
  center.events.on('contact.failed', () => {
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
        rate > 0 ? time + random.exponential(HOUR / rate) : Number.POSITIVE_INFINITY;
      if (candidate < hourEnd) return candidate;
      time = hourEnd; // memoryless: start afresh at the hour's rate
    }
    return null;
  };
  let arrived = 0;
  for (const queue of scenario.queues) {
    const behaviourOf = scenario.channels[queue.channel];
    const arrive = () => {
      arrived += 1;
      arrivedBy.set(queue.channel, (arrivedBy.get(queue.channel) ?? 0) + 1);
      const reason = random.weighted(scenario.customers.reasons, (item) => item.weight).code;
      const contact = center.openContact({
        channel: queue.channel,
        direction: queue.channel === 'callback' ? 'outbound' : 'inbound',
        queueId: queue.id,
        customer: { id: `cust-${random.int(1, scenario.customers.population)}`, attributes: {} },
        // The engine keys FCR by customer and `attributes.reason`.
        attributes: { simulated: true, reason },
      });
      if (behaviourOf?.patience) {
        agenda.at(clock.now() + sample(behaviourOf.patience), () => {
          const status = contactOf(contact.id)?.status;
          if (status === 'queued' || status === 'offered') {
            center.contactCommand(contact.id, { type: 'abandon' });
          }
        });
      }
      const next = nextArrival(clock.now(), queue.arrivalsPerHour);
      if (next !== null) agenda.at(next, arrive);
    };
    const first = nextArrival(startAt, queue.arrivalsPerHour);
    if (first !== null) agenda.at(first, arrive);
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
          waiting: [...snapshot.contacts.values()].filter((contact) => contact.status === 'queued')
            .length,
          busyAgents: agents.filter((agent) => agent.contactIds.length > 0).length,
          onBreak: agents.filter(
            (agent) => agent.presence.status === 'notReady' && agent.presence.reason === 'break',
          ).length,
        });
      });
    }
  }

  // Step from one due timer to the next, the world's actions and the centre's alike.
  const maxSteps = 1_000_000 + 1_000 * (hours + scenario.drainHours) * (agentCount + 1_000);
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

  // What is still open when the run stops, per channel.
  const openBy = new Map<SimChannel, number>();
  for (const contact of center.getSnapshot().contacts.values()) {
    if (['completed', 'abandoned', 'failed'].includes(contact.status)) continue;
    const { channel } = contact;
    openBy.set(channel, (openBy.get(channel) ?? 0) + 1);
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
  const targetsOf = (channel: SimChannel | 'total') => {
    const targets = new Set(
      scenario.queues
        .filter((queue) => channel === 'total' || queue.channel === channel)
        .map((queue) => `${queue.serviceLevel.percent}/${queue.serviceLevel.seconds}s`),
    );
    return targets.size === 1 ? [...targets].join('') : 'per queue';
  };
  const range = { from: startAt, to: runEnd };
  const rowOf = (rows: readonly KpiRow[], key: string): KpiRow => {
    // A channel with no traffic in the run has no row: its counts are all zero.
    const counts = sumCounts([]);
    return (
      rows.find((item) => item.key === key) ?? {
        key,
        intervalStart: null,
        counts,
        kpis: computeKpis(counts),
      }
    );
  };
  const reportOf = (channel: SimChannel | 'total', row: KpiRow): ChannelReport => {
    const { counts, kpis: figures } = row;
    const arrivedHere = channel === 'total' ? arrived : (arrivedBy.get(channel) ?? 0);
    const openHere =
      channel === 'total'
        ? [...openBy.values()].reduce((a, b) => a + b, 0)
        : (openBy.get(channel) ?? 0);
    return {
      channel,
      arrived: arrivedHere,
      handled: counts.handled,
      abandoned: counts.abandoned + counts.shortAbandoned,
      open: openHere,
      ahtSec: seconds(figures.ahtMs),
      asaSec: seconds(figures.asaMs),
      fcrPct: percent(figures.fcr),
      csatPct: percent(figures.csat),
      abandonRatePct: percent(figures.abandonmentRate),
      serviceLevelPct: percent(figures.serviceLevel),
      serviceLevelTarget: targetsOf(channel),
      counts,
      kpis: figures,
    };
  };
  const used = simulatedChannels.filter((channel) =>
    scenario.queues.some((queue) => queue.channel === channel),
  );
  const byChannel = kpis.report({ ...range, groupBy: 'channel' }).rows;
  const total = rowOf(kpis.report({ ...range, groupBy: 'total' }).rows, 'total');
  const duringArrivals = kpis.report({ from: startAt, to: endAt, groupBy: 'total' }).rows[0];
  const intervals = kpis.report({ ...range, groupBy: 'interval' }).rows;
  const wallMs = performance.now() - wallStart;
  return {
    scenario: scenario.name,
    seed,
    hours,
    agents: agentIds.length,
    startAt,
    simulatedMinutes,
    channels: used.map((channel) => reportOf(channel, rowOf(byChannel, channel))),
    totals: reportOf('total', total),
    occupancyPct: percent(duringArrivals?.kpis.occupancy ?? null),
    intervals,
    offers,
    surveys,
    missedOfferLockouts: lockouts,
    breaks,
    autoCompletedWrapUps: autoCompleted,
    events,
    wall: { ms: round(wallMs), contactsPerSecond: Math.round(arrived / (wallMs / SECOND)) },
  };
}
