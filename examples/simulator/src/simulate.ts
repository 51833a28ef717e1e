import { createContactCenter, type AgentId, type ContactId } from '@switchboard/core';
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
}

/** The state of the centre at the end of one simulated hour. */
export interface HourProgress {
  /** Hours simulated so far (1 = the first hour is over). */
  readonly hour: number;
  /** Time of day at the end of the hour, e.g. `09:00`. */
  readonly clock: string;
  /** Contacts arrived so far. */
  readonly arrived: number;
  /** Contacts handled so far. */
  readonly handled: number;
  /** Contacts abandoned so far. */
  readonly abandoned: number;
  /** Contacts waiting in a queue right now. */
  readonly waiting: number;
  /** Agents holding at least one contact right now. */
  readonly busyAgents: number;
  /** Agents on break right now. */
  readonly onBreak: number;
}

/** KPIs of one channel (or of all of them). */
export interface ChannelReport {
  /** The channel, or `total`. */
  readonly channel: SimChannel | 'total';
  /** Contacts that arrived (offered to the centre). */
  readonly offered: number;
  /** Contacts answered, talked to and completed. */
  readonly handled: number;
  /** Contacts whose customer gave up before an agent took them. */
  readonly abandoned: number;
  /** Contacts still queued or in hand when the simulation stopped. */
  readonly open: number;
  /** Average speed of answer: arrival to accept, seconds. */
  readonly asaSec: number;
  /** Average handle time: connected to completed (talk and wrap-up), seconds. */
  readonly ahtSec: number;
  /** Answered within the queue's target ÷ (answered + abandoned + still waiting past the target), percent. */
  readonly serviceLevelPct: number;
  /** The queues' service-level targets, e.g. `80/20s`. */
  readonly serviceLevelTarget: string;
  /** Abandoned ÷ offered, percent. */
  readonly abandonRatePct: number;
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
  /** Simulated time including the drain after arrivals stop, minutes. */
  readonly simulatedMinutes: number;
  /** KPIs per channel, in the scenario's channel order. */
  readonly channels: readonly ChannelReport[];
  /** KPIs over every channel. */
  readonly totals: ChannelReport;
  /** Time agents held contacts ÷ time they held contacts or waited available for one, percent (sampled every 10 s). */
  readonly occupancyPct: number;
  /** What happened to offers made to agents. */
  readonly offers: {
    readonly made: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly missed: number;
    /** Offers that ended because the customer hung up while the agent's phone rang. */
    readonly withdrawn: number;
  };
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

interface Tally {
  offered: number;
  handled: number;
  abandoned: number;
  answered: number;
  answeredInTarget: number;
  answerMs: number;
  handleMs: number;
  /** Still unanswered at the end, and already past the queue's target. */
  lateUnanswered: number;
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const SAMPLE_MS = 10 * SECOND;

const newTally = (): Tally => ({
  offered: 0,
  handled: 0,
  abandoned: 0,
  answered: 0,
  answeredInTarget: 0,
  answerMs: 0,
  handleMs: 0,
  lateUnanswered: 0,
});

const round = (value: number, digits = 1) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

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
  const sample = (duration: Duration) => random.logNormal(duration.meanSec, duration.cv) * SECOND;

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
  const queueById = new Map(scenario.queues.map((queue) => [queue.id, queue]));
  const contactOf = (id: ContactId) => center.getSnapshot().contacts.get(id);
  const agentOf = (id: AgentId) => center.getSnapshot().agents.get(id);

  // ---- statistics -------------------------------------------------------------------------
  const tallies = new Map<SimChannel, Tally>(
    simulatedChannels.map((channel) => [channel, newTally()]),
  );
  const tallyOf = (channel: SimChannel) => tallies.get(channel) ?? newTally();
  const offers = { made: 0, accepted: 0, rejected: 0, missed: 0, withdrawn: 0 };
  const ringing = new Set<ContactId>();
  let lockouts = 0;
  let breaks = 0;
  let autoCompleted = 0;
  let events = 0;
  let busySamples = 0;
  let idleSamples = 0;
  let finished = 0;
  center.events.onAny(() => {
    events += 1;
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
  center.events.on('contact.accepted', ({ contactId, at, state }) => {
    offers.accepted += 1;
    ringing.delete(contactId);
    const tally = tallyOf(state.channel);
    const waited = at - (state.timestamps.created ?? at);
    const target = state.queueId ? queueById.get(state.queueId)?.serviceLevel.seconds : undefined;
    tally.answered += 1;
    tally.answerMs += waited;
    if (target !== undefined && waited <= target * SECOND) tally.answeredInTarget += 1;
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
  center.events.on('contact.completed', ({ at, disposition, state }) => {
    finished += 1;
    if (disposition === null) autoCompleted += 1;
    const connected = state.timestamps.connected;
    if (connected === undefined) return;
    const tally = tallyOf(state.channel);
    tally.handled += 1;
    tally.handleMs += at - connected;
  });
  center.events.on('contact.abandoned', ({ state }) => {
    finished += 1;
    tallyOf(state.channel).abandoned += 1;
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
      const contact = center.openContact({
        channel: queue.channel,
        direction: queue.channel === 'callback' ? 'outbound' : 'inbound',
        queueId: queue.id,
        customer: { id: `cust-${random.int(1, 50_000)}`, attributes: {} },
        attributes: { simulated: true },
      });
      tallyOf(queue.channel).offered += 1;
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

  // ---- sampling, progress and the clock ---------------------------------------------------
  const tick = () => {
    if (clock.now() < endAt) {
      for (const agent of center.getSnapshot().agents.values()) {
        if (agent.contactIds.length > 0) busySamples += 1;
        else if (agent.presence.status === 'available') idleSamples += 1;
      }
    }
    agenda.at(clock.now() + SAMPLE_MS, tick);
  };
  agenda.at(startAt, tick);
  const totalOf = (key: keyof Tally) =>
    [...tallies.values()].reduce((sum, tally) => sum + tally[key], 0);
  const { onProgress } = options;
  if (onProgress) {
    for (let hour = 1; hour <= Math.ceil(hours); hour += 1) {
      const at = Math.min(endAt, startAt + hour * HOUR);
      agenda.at(at, () => {
        const snapshot = center.getSnapshot();
        const agents = [...snapshot.agents.values()];
        const minutes = Math.round((at - startAt) / 60_000) + scenario.startHour * 60;
        onProgress({
          hour,
          clock: `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
          arrived,
          handled: totalOf('handled'),
          abandoned: totalOf('abandoned'),
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
  for (let steps = 0; ; steps += 1) {
    const at = clock.nextDue();
    if (at === undefined || at > stopAt) break;
    if (at >= endAt && finished === arrived) break;
    if (steps > maxSteps) throw new RangeError(`Simulation did not settle after ${maxSteps} steps`);
    clock.advanceTo(at);
  }
  const simulatedMinutes = round((clock.now() - startAt) / 60_000);
  for (const contact of center.getSnapshot().contacts.values()) {
    if (contact.timestamps.accepted !== undefined) continue;
    if (contact.status !== 'queued' && contact.status !== 'offered') continue;
    const target = contact.queueId
      ? queueById.get(contact.queueId)?.serviceLevel.seconds
      : undefined;
    const created = contact.timestamps.created ?? clock.now();
    if (target !== undefined && clock.now() - created > target * SECOND) {
      tallyOf(contact.channel).lateUnanswered += 1;
    }
  }
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
  const reportOf = (channel: SimChannel | 'total', tally: Tally): ChannelReport => ({
    channel,
    offered: tally.offered,
    handled: tally.handled,
    abandoned: tally.abandoned,
    open: tally.offered - tally.handled - tally.abandoned,
    asaSec: round(ratio(tally.answerMs, tally.answered) / SECOND),
    ahtSec: round(ratio(tally.handleMs, tally.handled) / SECOND),
    serviceLevelPct: round(
      100 * ratio(tally.answeredInTarget, tally.answered + tally.abandoned + tally.lateUnanswered),
    ),
    serviceLevelTarget: targetsOf(channel),
    abandonRatePct: round(100 * ratio(tally.abandoned, tally.offered)),
  });
  const used = simulatedChannels.filter((channel) =>
    scenario.queues.some((queue) => queue.channel === channel),
  );
  const total = newTally();
  for (const tally of tallies.values()) {
    for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key];
  }
  const wallMs = performance.now() - wallStart;
  return {
    scenario: scenario.name,
    seed,
    hours,
    agents: agentIds.length,
    simulatedMinutes,
    channels: used.map((channel) => reportOf(channel, tallyOf(channel))),
    totals: reportOf('total', total),
    occupancyPct: round(100 * ratio(busySamples, busySamples + idleSamples)),
    offers,
    missedOfferLockouts: lockouts,
    breaks,
    autoCompletedWrapUps: autoCompleted,
    events,
    wall: { ms: round(wallMs), contactsPerSecond: Math.round(arrived / (wallMs / SECOND)) },
  };
}
