import { describe, expect, it } from 'vitest';
import {
  agentsForServiceLevel,
  erlangB,
  erlangC,
  erlangCAsa,
  erlangCServiceLevel,
} from './erlangC';

// Independent references: the M/M/c birth-death chain written out state by state, with factorials
// (fine for small c), not the Erlang B recursion the module uses.

/** Unnormalised steady-state weights p_n of M/M/c for n = 0..max (p_n = A^n/n! up to c, then ·ρ). */
function stateWeights(traffic: number, agents: number, max: number): number[] {
  const weights: number[] = [];
  let factorial = 1;
  for (let n = 0; n <= max; n += 1) {
    if (n > 0 && n <= agents) factorial *= n;
    weights.push(
      n <= agents
        ? traffic ** n / factorial
        : (traffic ** agents / factorial) * (traffic / agents) ** (n - agents),
    );
  }
  return weights;
}

/** Steady-state probabilities, truncated where the tail is negligible. */
function states(traffic: number, agents: number): number[] {
  const weights = stateWeights(traffic, agents, agents + 4000);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => weight / sum);
}

/** P(wait > 0) = P(all agents busy on arrival) (PASTA). */
const directWaitProbability = (traffic: number, agents: number) =>
  states(traffic, agents)
    .slice(agents)
    .reduce((a, b) => a + b, 0);

/** Mean wait = mean queue length / arrival rate (Little). */
function directAsa(rate: number, aht: number, agents: number) {
  const lq = states(rate * aht, agents).reduce((sum, p, n) => sum + Math.max(0, n - agents) * p, 0);
  return lq / rate;
}

/**
 * P(wait <= t): an arrival finding n >= c present waits for n − c + 1 completions at rate c/AHT,
 * an Erlang(n − c + 1) time, whose tail is a Poisson sum.
 */
function directServiceLevel(rate: number, aht: number, agents: number, t: number) {
  const p = states(rate * aht, agents);
  const x = (agents / aht) * t;
  let late = 0;
  for (let n = agents; n < p.length; n += 1) {
    const stages = n - agents + 1;
    let term = Math.exp(-x);
    let tail = 0;
    for (let k = 0; k < stages; k += 1) {
      if (k > 0) term *= x / k;
      tail += term;
    }
    late += (p[n] ?? 0) * tail;
  }
  return 1 - late;
}

describe('erlangC', () => {
  it('matches a hand computation: A = 2 erlangs on 3 agents waits 4/9 of the time', () => {
    // A^3/3! · 3/(3 − 2) = 4; 1 + 2 + 2 = 5; C = 4 / (5 + 4).
    expect(erlangC(2, 3)).toBeCloseTo(4 / 9, 12);
    // Erlang B: (8/6) / (1 + 2 + 2 + 8/6) = 4/19.
    expect(erlangB(2, 3)).toBeCloseTo(4 / 19, 12);
  });

  it('agrees with the direct state sum for small queues', () => {
    for (const [traffic, agents] of [
      [0.5, 1],
      [1.7, 2],
      [4, 5],
      [8, 10],
      [9.5, 10],
      [15, 20],
    ] as const) {
      expect(erlangC(traffic, agents)).toBeCloseTo(directWaitProbability(traffic, agents), 9);
    }
  });

  it('is M/M/1 waiting probability ρ for one agent', () => {
    expect(erlangC(0.3, 1)).toBeCloseTo(0.3, 12);
  });

  it('stays finite and in (0, 1) for large centres where factorials overflow', () => {
    const c = erlangC(950, 1000);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    expect(erlangC(990, 1000)).toBeGreaterThan(c);
  });

  it('is 1 when the traffic reaches the agents and 0 without traffic', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(12, 10)).toBe(1);
    expect(erlangC(0, 3)).toBe(0);
    expect(() => erlangC(1, 0)).toThrow(RangeError);
    expect(() => erlangC(-1, 2)).toThrow(RangeError);
  });
});

describe('erlangCAsa and erlangCServiceLevel', () => {
  const cases = [
    { rate: 1 / 60, aht: 90, agents: 2 },
    { rate: 8 / 180, aht: 180, agents: 10 },
    { rate: 0.1, aht: 120, agents: 14 },
  ];

  it('ASA agrees with Little on the state sum', () => {
    for (const { rate, aht, agents } of cases) {
      expect(erlangCAsa(rate, aht, agents)).toBeCloseTo(directAsa(rate, aht, agents), 6);
    }
    expect(erlangCAsa(1, 10, 10)).toBe(Number.POSITIVE_INFINITY);
  });

  it('service level agrees with the Erlang-stage wait of the state sum', () => {
    for (const { rate, aht, agents } of cases) {
      for (const t of [0, 5, 20, 60]) {
        expect(erlangCServiceLevel(rate, aht, agents, t)).toBeCloseTo(
          directServiceLevel(rate, aht, agents, t),
          9,
        );
      }
    }
    expect(erlangCServiceLevel(1, 10, 10, 20)).toBe(0);
  });
});

describe('agentsForServiceLevel', () => {
  // Small cases only: the reference's factorials overflow past about 170 agents.
  it('is the smallest number of agents that meets the target', () => {
    for (const { rate, aht, percent, t } of [
      { rate: 100 / 3600, aht: 180, percent: 80, t: 20 },
      { rate: 0.1, aht: 120, percent: 90, t: 30 },
      { rate: 0.01, aht: 60, percent: 80, t: 20 },
    ]) {
      const agents = agentsForServiceLevel(rate, aht, percent, t);
      expect(100 * directServiceLevel(rate, aht, agents, t)).toBeGreaterThanOrEqual(percent);
      if (agents > 1) {
        const fewer = agents - 1;
        // One agent fewer either is unstable or misses the target.
        const stable = rate * aht < fewer;
        if (stable) expect(100 * directServiceLevel(rate, aht, fewer, t)).toBeLessThan(percent);
      }
    }
  });

  it('needs more agents than the traffic and none without traffic', () => {
    expect(agentsForServiceLevel(0.5, 300, 80, 20)).toBeGreaterThan(150);
    expect(agentsForServiceLevel(0, 300, 80, 20)).toBe(0);
  });
});
