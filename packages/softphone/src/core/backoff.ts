/** How reconnection attempts are spaced. */
export interface BackoffPolicy {
  /** The first delay's upper bound, in ms. */
  readonly minDelayMs: number;
  /** No delay is longer than this, in ms. */
  readonly maxDelayMs: number;
}

/**
 * The delay before reconnection attempt `attempt` (from 1): exponential from `minDelayMs`,
 * capped at `maxDelayMs`, with "equal jitter" (between half and all of it) so that many clients
 * cut at once do not come back at once. `random` returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
