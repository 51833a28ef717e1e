// `pnpm bench` (root) runs this after the vitest benches: the routing engine at the scale of the
// largest contact centres, against a naive baseline written the way a simple project would.
// Run alone: node --expose-gc --import tsx packages/core/bench/routing.ts
import type { AgentState } from '../src/agent/agentState';
import type { Contact } from '../src/model/contact';
import type { AgentId, ContactId } from '../src/model/ids';
import { createRouter, type Router } from '../src/routing/router';
import { NaiveRouter } from './naiveRouter';
import {
  freed,
  makeAgent,
  makeContact,
  offered,
  queue,
  randomSource,
  start,
  takes,
  type RandomSource,
} from './routingFixture';

const agentCount = 10_000;
const contactCount = 100_000;
const busyShare = 0.7;
// ROUTING_BENCH=quick times fewer decisions and skips draining, for iterating; report only full runs.
const quick = process.env.ROUTING_BENCH === 'quick';
const samples = quick ? { ours: 5_000, naive: 50 } : { ours: 20_000, naive: 400 };
// Decisions run before the timed ones and not timed, as vitest bench warms up: the first few
// hundred run before V8 has optimised the code, and would make the p99 a figure of the JIT.
const warmup = { ours: 2_000, naive: 10 };
const never = () => false;

interface Figures {
  mean: number;
  p99: number;
}

function figures(times: number[]): Figures {
  const sorted = Float64Array.from(times).sort();
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  return { mean, p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0 };
}

const heapNow = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

function newRouter(): Router {
  return createRouter({ queues: new Map([[queue.id, queue]]) });
}

function naiveFrom(agents: Iterable<AgentState>): NaiveRouter {
  const naive = new NaiveRouter();
  for (const agent of agents) {
    naive.setAgent({
      id: agent.profile.id,
      skills: new Map(agent.profile.skills.map((level) => [level.skill, level.proficiency])),
      available: agent.presence.status === 'available',
      busy: agent.contactIds.length > 0,
      idleSince: agent.idleSince,
    });
  }
  return naive;
}

const naiveContact = (contact: Contact) => ({
  id: contact.id,
  skills: [...contact.requiredSkills],
  priority: contact.priority,
  queuedAt: contact.timestamps.queued ?? contact.since,
});

/** Agent becomes available: 7,000 agents on calls, 3,000 on break, 100,000 contacts waiting. */
function agentAvailable(random: RandomSource) {
  const agents = new Map<AgentId, AgentState>();
  for (let i = 0; i < agentCount; i += 1) {
    const busy = i < agentCount * busyShare;
    const agent = makeAgent(random, i, busy);
    agents.set(
      agent.profile.id,
      busy ? agent : { ...agent, presence: { status: 'notReady', reason: 'break' } },
    );
  }
  const contacts = new Map<ContactId, Contact>();
  for (let i = 0; i < contactCount; i += 1) {
    const contact = makeContact(random, `c${i}`, start - random.int(0, 600_000));
    contacts.set(contact.id, contact);
  }
  const baseHeap = heapNow();
  const router = newRouter();
  for (const agent of agents.values()) router.fileAgent(agent);
  const agentsHeap = heapNow();
  for (const contact of contacts.values()) router.fileContact(contact, start);
  while (router.next(start, never)) throw new Error('nobody is free yet');
  const contactsHeap = heapNow();

  const busy = [...agents.values()].filter((agent) => agent.contactIds.length > 0);
  const ours: number[] = [];
  let now = start;
  for (let i = 0; i < warmup.ours + samples.ours; i += 1) {
    if (i === warmup.ours) globalThis.gc?.();
    now += 1;
    const slot = random.int(0, busy.length - 1);
    const agent = freed(busy[slot]!, now);
    const begin = performance.now();
    router.fileAgent(agent);
    const decision = router.next(now, never);
    if (i >= warmup.ours) ours.push((performance.now() - begin) * 1000);
    if (decision?.kind !== 'offer') continue;
    const contact = contacts.get(decision.contactId)!;
    contacts.delete(contact.id);
    router.fileContact(offered(contact, agent.profile.id, now), now);
    busy[slot] = takes(agent, contact);
    router.fileAgent(busy[slot]);
  }

  const naive = naiveFrom(agents.values());
  for (const contact of contacts.values()) naive.queued.set(contact.id, naiveContact(contact));
  const baseline: number[] = [];
  for (let i = 0; i < warmup.naive + samples.naive; i += 1) {
    const agent = busy[random.int(0, busy.length - 1)]!;
    const begin = performance.now();
    const chosen = naive.agentFreed(agent.profile.id);
    if (i >= warmup.naive) baseline.push((performance.now() - begin) * 1000);
    if (chosen) naive.queued.delete(chosen);
  }
  return {
    ours: figures(ours),
    naive: figures(baseline),
    perAgent: (agentsHeap - baseHeap) / agentCount,
    perContact: (contactsHeap - agentsHeap) / contactCount,
  };
}

/** Contact arrives: 3,000 agents free, 7,000 on calls, 100,000 contacts waiting for a skill nobody free has. */
function contactArrives(random: RandomSource) {
  const agents: AgentState[] = [];
  for (let i = 0; i < agentCount; i += 1)
    agents.push(makeAgent(random, i, i >= agentCount * (1 - busyShare)));
  const router = newRouter();
  for (const agent of agents) router.fileAgent(agent);
  for (let i = 0; i < contactCount; i += 1)
    router.fileContact(
      makeContact(random, `backlog${i}`, start - random.int(0, 600_000), 'backlog'),
      start,
    );
  while (router.next(start, never)) throw new Error('the backlog must not route');

  const byId = new Map(agents.map((agent) => [agent.profile.id, agent]));
  const arrivals = Array.from({ length: warmup.ours + samples.ours }, (_, i) =>
    makeContact(random, `new${i}`, start + i),
  );
  const ours: number[] = [];
  let routed = 0;
  for (const [i, contact] of arrivals.entries()) {
    if (i === warmup.ours) globalThis.gc?.();
    const now = contact.since;
    const begin = performance.now();
    router.fileContact(contact, now);
    const decision = router.next(now, never);
    const timed = i >= warmup.ours;
    if (timed) ours.push((performance.now() - begin) * 1000);
    if (decision?.kind !== 'offer') continue;
    if (timed) routed += 1;
    const agent = byId.get(decision.agentId)!;
    router.fileContact(offered(contact, agent.profile.id, now), now);
    router.fileAgent(takes(agent, contact));
    const again = freed(agent, now);
    byId.set(agent.profile.id, again);
    router.fileAgent(again);
    while (router.next(now, never)) throw new Error('nothing else may route');
  }

  const naive = naiveFrom(agents);
  const baseline: number[] = [];
  for (const [i, contact] of arrivals.slice(0, (warmup.naive + samples.naive) * 5).entries()) {
    const begin = performance.now();
    naive.contactArrived(naiveContact(contact));
    if (i >= warmup.naive * 5) baseline.push((performance.now() - begin) * 1000);
  }
  return { ours: figures(ours), naive: figures(baseline), routedShare: routed / samples.ours };
}

/** 100,000 contacts drain to 10,000 agents who each free up again after every contact. */
function draining(random: RandomSource) {
  const router = newRouter();
  const agents = Array.from({ length: agentCount }, (_, i) => makeAgent(random, i, false));
  const byId = new Map(agents.map((agent) => [agent.profile.id, agent]));
  const contacts = new Map<ContactId, Contact>();
  for (let i = 0; i < contactCount; i += 1) {
    const contact = makeContact(random, `c${i}`, start - random.int(0, 600_000));
    contacts.set(contact.id, contact);
    router.fileContact(contact, start);
  }
  const held = new Map<AgentId, AgentState>();
  let now = start;
  let decisions = 0;
  const begin = performance.now();
  for (const agent of agents) router.fileAgent(agent);
  let freeing = 0;
  for (let idle = 0; idle < agentCount;) {
    const decision = router.next(now, never);
    if (decision?.kind === 'offer') {
      decisions += 1;
      idle = 0;
      const contact = contacts.get(decision.contactId)!;
      contacts.delete(contact.id);
      router.fileContact(offered(contact, decision.agentId, now), now);
      const agent = byId.get(decision.agentId)!;
      const busyAgent = takes(held.get(agent.profile.id) ?? agent, contact);
      held.set(agent.profile.id, busyAgent);
      router.fileAgent(busyAgent);
      continue;
    }
    idle += 1;
    now += 1;
    const agent = agents[freeing++ % agentCount]!;
    const busyAgent = held.get(agent.profile.id);
    if (busyAgent) router.fileAgent(freed(busyAgent, now));
  }
  const seconds = (performance.now() - begin) / 1000;
  return { decisions, seconds, perSecond: decisions / seconds, left: contacts.size };
}

const format = (value: number, digits = 1) => value.toFixed(digits).padStart(9);
const random = randomSource(20_261_126);
console.log(
  `Routing engine: ${agentCount.toLocaleString('en')} agents (3-8 of 50 skills, 70% busy), ${contactCount.toLocaleString('en')} waiting contacts (1-3 skills, priority 0-9); ${samples.ours.toLocaleString('en')} timed decisions of each kind after ${warmup.ours.toLocaleString('en')} untimed ones (the naive router: ${samples.naive} after ${warmup.naive})\n`,
);
const available = agentAvailable(random);
const arrival = contactArrives(random);
console.log(
  'decision               engine mean  engine p99   naive mean   naive p99   ratio (mean)  ratio (p99)',
);
for (const [name, result] of [
  ['agent becomes free', available],
  ['contact arrives', arrival],
] as const) {
  console.log(
    `${name.padEnd(20)} ${format(result.ours.mean, 2)} µs ${format(result.ours.p99, 2)} µs ${format(result.naive.mean)} µs ${format(result.naive.p99)} µs ${format(result.naive.mean / result.ours.mean, 0)}x ${format(result.naive.p99 / result.ours.p99, 0)}x`,
  );
}
console.log(
  `\narrivals routed at once: ${(arrival.routedShare * 100).toFixed(1)} % (the rest wait: no free agent qualifies)`,
);
console.log(
  `router memory: ${format(available.perAgent / 1024, 2)} KB per agent, ${format(available.perContact / 1024, 2)} KB per waiting contact${globalThis.gc ? '' : ' (run with --expose-gc for exact figures)'}`,
);
if (quick) process.exit(0);
const drain = draining(random);
console.log(
  `draining: ${drain.decisions.toLocaleString('en')} decisions in ${drain.seconds.toFixed(2)} s = ${Math.round(drain.perSecond).toLocaleString('en')} decisions/s (${drain.left.toLocaleString('en')} contacts no agent qualifies for)`,
);
