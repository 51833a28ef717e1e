/**
 * Erlang C: the M/M/c queue (Poisson arrivals, exponential handle times, `c` agents, no
 * abandonment, first come first served) in steady state. Capacity planning's first guess, and
 * the theory the simulator is checked against (`erlangC.agreement.test.ts`).
 *
 * Traffic `A` (erlangs) = arrival rate × mean handle time. The queue is stable only if `A < c`;
 * with `A >= c` every contact waits and the wait grows without bound.
 */

const check = (ok: boolean, message: string) => {
  if (!ok) throw new RangeError(message);
};

/** Erlang B (blocking probability of M/M/c/c), by the stable recursion B(k) = A·B(k−1) / (k + A·B(k−1)). */
export function erlangB(trafficErlangs: number, agents: number): number {
  check(Number.isFinite(trafficErlangs) && trafficErlangs >= 0, 'traffic must be a number >= 0');
  check(Number.isInteger(agents) && agents >= 0, 'agents must be an integer >= 0');
  let blocking = 1;
  for (let k = 1; k <= agents; k += 1) {
    blocking = (trafficErlangs * blocking) / (k + trafficErlangs * blocking);
  }
  return blocking;
}

/**
 * Probability that a contact waits (Erlang C) with `trafficErlangs` offered to `agents`:
 * C = c·B / (c − A·(1 − B)) from Erlang B, which stays stable for hundreds of agents where the
 * textbook factorial sum overflows. 1 when `A >= c` (unstable: everybody waits).
 */
export function erlangC(trafficErlangs: number, agents: number): number {
  check(Number.isInteger(agents) && agents >= 1, 'agents must be an integer >= 1');
  if (trafficErlangs >= agents) return 1;
  if (trafficErlangs === 0) return 0;
  const blocking = erlangB(trafficErlangs, agents);
  return (agents * blocking) / (agents - trafficErlangs * (1 - blocking));
}

const trafficOf = (ratePerSec: number, meanHandleSec: number) => {
  check(Number.isFinite(ratePerSec) && ratePerSec >= 0, 'rate must be a number >= 0');
  check(Number.isFinite(meanHandleSec) && meanHandleSec > 0, 'mean handle time must be > 0');
  return ratePerSec * meanHandleSec;
};

/**
 * Average speed of answer (mean wait in queue, seconds, over all contacts):
 * C · AHT / (c − A). `Infinity` when `A >= c`.
 */
export function erlangCAsa(ratePerSec: number, meanHandleSec: number, agents: number): number {
  const traffic = trafficOf(ratePerSec, meanHandleSec);
  if (traffic >= agents) return Number.POSITIVE_INFINITY;
  return (erlangC(traffic, agents) * meanHandleSec) / (agents - traffic);
}

/**
 * Service level: share (0-1) of contacts answered within `targetSec`,
 * 1 − C · exp(−(c − A) · T / AHT). 0 when `A >= c`.
 */
export function erlangCServiceLevel(
  ratePerSec: number,
  meanHandleSec: number,
  agents: number,
  targetSec: number,
): number {
  check(Number.isFinite(targetSec) && targetSec >= 0, 'target must be a number of seconds >= 0');
  const traffic = trafficOf(ratePerSec, meanHandleSec);
  if (traffic >= agents) return 0;
  const waits = erlangC(traffic, agents);
  return 1 - waits * Math.exp((-(agents - traffic) * targetSec) / meanHandleSec);
}

/**
 * The smallest number of agents whose Erlang C service level is at least `percent` % within
 * `targetSec` (e.g. 80 and 20 for 80/20). 0 without traffic.
 */
export function agentsForServiceLevel(
  ratePerSec: number,
  meanHandleSec: number,
  percent: number,
  targetSec: number,
): number {
  check(Number.isFinite(percent) && percent >= 0 && percent < 100, 'percent must be in [0, 100)');
  const traffic = trafficOf(ratePerSec, meanHandleSec);
  if (traffic === 0) return 0;
  // The service level rises with every agent above the traffic and tends to 1, so this ends.
  for (let agents = Math.floor(traffic) + 1; ; agents += 1) {
    const level = erlangCServiceLevel(ratePerSec, meanHandleSec, agents, targetSec);
    if (100 * level >= percent) return agents;
  }
}
