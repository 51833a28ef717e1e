import type { AgentId } from '../model/ids';
import type { builtInStrategies } from '../model/queue';

/** What a strategy knows of an agent who qualifies for a contact. */
export interface StrategyCandidate {
  /** The agent. */
  readonly agentId: AgentId;
  /** When the agent last became free of all contacts (ms since epoch). */
  readonly idleSince: number;
  /** When the router last offered the agent a contact; 0 if never. */
  readonly lastOfferedAt: number;
  /** Contacts held over total capacity, 0 to 1. */
  readonly occupancy: number;
  /** The agent's proficiency summed over the contact's required skills. */
  readonly proficiency: number;
  /** The agent's skills by name, for custom strategies. */
  readonly skills: ReadonlyMap<string, number>;
}

/**
 * Chooses between two agents who both qualify: negative when `a` should get the contact, positive
 * for `b`, 0 when they are equal (the router then prefers the one idle longest). Must be pure.
 *
 * @example
 * ```ts
 * // Seniors first, then longest idle.
 * const seniorsFirst: RoutingStrategy = (a, b) =>
 *   (b.skills.get('senior') ?? 0) - (a.skills.get('senior') ?? 0);
 * ```
 */
export type RoutingStrategy = (a: StrategyCandidate, b: StrategyCandidate) => number;

/** A built-in strategy's name. */
export type BuiltInStrategy = (typeof builtInStrategies)[number];

/** The built-in strategies; `longestIdle` is the router's fast path. */
export const strategies: Readonly<Record<BuiltInStrategy, RoutingStrategy>> = {
  longestIdle: (a, b) => a.idleSince - b.idleSince,
  leastOccupied: (a, b) => a.occupancy - b.occupancy,
  mostSkilled: (a, b) => b.proficiency - a.proficiency,
  roundRobin: (a, b) => a.lastOfferedAt - b.lastOfferedAt,
};
