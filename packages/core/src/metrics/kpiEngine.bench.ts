import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { bench, describe } from 'vitest';
import type { DomainEvent } from '../events/domainEvents';
import type { AgentId, ContactId, CustomerId, QueueId } from '../model/ids';
import { newContact } from '../contact/newContact';
import { createKpiEngine } from './index';

// 1,000,000 domain events of a seeded day-and-a-half: ~110k contacts on 200 agents, 4 queues,
// voice and chat; most handled (created, queued, offered, accepted, connected, held, resumed,
// wrap-up, completed), 12% abandoned, agents taking breaks. Run: pnpm exec vitest bench --run
// packages/core/src/metrics (the table prints hz and the mean time of ingest + reports).
const TOTAL = 1_000_000;
const AGENTS = 200;
const queues = ['billing', 'support', 'sales', 'tech'] as QueueId[];

function seeded(seed: number) {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

function generate(): DomainEvent[] {
  const random = seeded(42);
  const between = (min: number, max: number) => Math.round(min + random() * (max - min));
  const events: DomainEvent[] = [];
  const start = Date.UTC(2026, 0, 5, 8);
  for (let i = 0; i < AGENTS; i += 1) {
    const agentId = `agent-${i}` as AgentId;
    events.push({
      type: 'agent.statusChanged',
      at: start,
      agentId,
      presence: { status: 'available' },
      previous: { status: 'offline' },
    });
  }
  let at = start;
  for (let n = 0; events.length < TOTAL; n += 1) {
    at += between(200, 1_000);
    const id = `c-${n}` as ContactId;
    const queueId = queues[n % queues.length] ?? null;
    const agentId = `agent-${between(0, AGENTS - 1)}` as AgentId;
    const contact = newContact(
      {
        id,
        channel: n % 3 === 0 ? 'chat' : 'voice',
        direction: 'inbound',
        customer: { id: `cust-${between(0, 40_000)}` as CustomerId, attributes: {} },
        queueId,
        priority: 0,
        attributes: {},
      },
      at,
    );
    const base = { contactId: id };
    events.push(
      { type: 'contact.created', at, contact },
      { type: 'contact.queued', at, ...base, queueId: queueId! },
    );
    const waited = at + between(1_000, 60_000);
    if (random() < 0.12) {
      events.push({ type: 'contact.abandoned', at: waited, ...base });
      continue;
    }
    const talk = waited + between(30_000, 300_000);
    const held = waited + between(5_000, 20_000);
    events.push(
      { type: 'contact.offered', at: waited, ...base, agentId, expiresAt: waited + 15_000 },
      { type: 'contact.accepted', at: waited + 2_000, ...base, agentId },
      { type: 'contact.connected', at: waited + 2_000, ...base, agentId },
      { type: 'contact.held', at: held, ...base },
      { type: 'contact.resumed', at: held + between(1_000, 20_000), ...base },
      { type: 'contact.wrapUpStarted', at: talk + 30_000, ...base, agentId },
      {
        type: 'contact.completed',
        at: talk + between(35_000, 90_000),
        ...base,
        agentId,
        disposition: random() < 0.7 ? 'resolved' : 'followUp',
      },
    );
    if (n % 500 === 0) {
      events.push(
        {
          type: 'agent.statusChanged',
          at: talk + 100_000,
          agentId,
          presence: { status: 'notReady', reason: 'break' },
          previous: { status: 'available' },
        },
        {
          type: 'agent.statusChanged',
          at: talk + 700_000,
          agentId,
          presence: { status: 'available' },
          previous: { status: 'notReady', reason: 'break' },
        },
      );
    }
  }
  events.length = TOTAL;
  return events.sort((x, y) => x.at - y.at);
}

const events = generate();

describe(`KPI engine over ${TOTAL.toLocaleString('en')} events`, () => {
  bench(
    'ingest all, then report by agent, queue and interval',
    () => {
      const engine = createKpiEngine();
      engine.ingestAll(events);
      engine.report({ groupBy: 'agent' });
      engine.report({ groupBy: 'queue' });
      engine.report({ groupBy: 'interval' });
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );
});
