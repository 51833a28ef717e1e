/** The first reconnect waits about this long; each further attempt doubles it. */
const baseMs = 250;
/** No reconnect waits longer than this. */
const capMs = 15_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 first): exponential back-off with
 * jitter over the upper half, so desks dropped together do not reconnect together.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
