import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { agentSchema } from '../model/agent';
import type { ContactId } from '../model/ids';
import { queueSchema } from '../model/queue';
import { DecisionLog } from './decisionLog';
import type { DecisionRecord } from './decisionRecord';

const profile = z.parse(agentSchema, { id: 'ada', name: 'Ada' });
const queue = z.parse(queueSchema, { id: 'q', name: 'Q' });
const id = (n: number) => `c${n}` as ContactId;

/** Decision `n`, its figures derived from `n`. */
const decision = (n: number): DecisionRecord => ({
  profile,
  queue,
  idleSince: n + 0.5,
  held: n % 3,
  lastOfferedAt: n * 10,
  proficiency: n % 11,
  decidedAt: n * 100,
  trigger: n % 2 === 0 ? 'contactArrived' : 'agentFreed',
  requirements: [{ code: n, min: 1 }],
  step: n % 4,
  runnerUp: null,
  considered: n,
  score: -n / 7,
});

describe('DecisionLog', () => {
  it('finds the latest decision on a contact, and nothing for one never decided', () => {
    const log = new DecisionLog(10);
    log.add(id(1), decision(1));
    log.add(id(2), decision(2));
    log.add(id(1), decision(3));
    expect(log.find(id(2))).toEqual(decision(2));
    expect(log.find(id(1))).toEqual(decision(3));
    expect(log.find(id(9))).toBeUndefined();
  });

  it('keeps the last `limit` decisions, the newest always found', () => {
    const log = new DecisionLog(150);
    for (let n = 0; n < 400; n += 1) {
      log.add(id(n), decision(n));
      expect(log.find(id(n))?.considered).toBe(n);
    }
    expect(log.find(id(249))).toBeUndefined();
    for (const n of [250, 251, 300, 399]) expect(log.find(id(n))?.considered).toBe(n);
  });

  it('keeps nothing with a limit of 0', () => {
    const log = new DecisionLog(0);
    log.add(id(1), decision(1));
    expect(log.find(id(1))).toBeUndefined();
  });
});
