import type { AgentStatus } from '../agent/agentState';
import type { AgentTimeField, KpiBuckets } from './kpiBuckets';

/** One agent's open span of time: what they are doing since when. */
export interface AgentSpan {
  /** Which agent. */
  readonly agentId: string;
  /** What the span counts as; `null` while logged out and holding nothing. */
  readonly field: AgentTimeField | null;
  /** When it began. */
  readonly since: number;
  /** The dimensions it adds to. */
  readonly dimensions: readonly string[];
}

interface AgentClock {
  presence: AgentStatus;
  holding: number;
  since: number;
  readonly dimensions: readonly string[];
}

/** Tracks each agent's presence and the contacts they hold, and books their time in spans. */
export interface AgentTimeTracker {
  /** The agent's presence changed at `at`. */
  presence(agentId: string, status: AgentStatus, at: number): void;
  /** The agent took (`+1`) or let go of (`-1`) a contact at `at`. */
  holding(agentId: string, delta: 1 | -1, at: number): void;
  /** Every agent's open span, for live figures. */
  openSpans(): AgentSpan[];
}

function fieldOf(agent: AgentClock): AgentTimeField | null {
  if (agent.holding > 0) return 'handlingMs';
  if (agent.presence === 'available') return 'idleMs';
  return agent.presence === 'notReady' ? 'notReadyMs' : null;
}

/**
 * Creates an {@link AgentTimeTracker} booking into `buckets`. Handling is wall time with at
 * least one accepted contact (three chats at once count once); it wins over presence.
 */
export function createAgentTimeTracker(buckets: KpiBuckets): AgentTimeTracker {
  const agents = new Map<string, AgentClock>();

  const agentOf = (agentId: string, at: number): AgentClock => {
    let agent = agents.get(agentId);
    if (!agent) {
      agent = {
        presence: 'offline',
        holding: 0,
        since: at,
        dimensions: ['total', `agent:${agentId}`],
      };
      agents.set(agentId, agent);
    }
    return agent;
  };

  /** Books the open span up to `at` if what it counts as changed from `before`. */
  const changed = (agent: AgentClock, at: number, before: AgentTimeField | null) => {
    if (fieldOf(agent) === before) return;
    if (before !== null && at > agent.since)
      buckets.addSpan(agent.since, at, agent.dimensions, before);
    agent.since = at;
  };

  return {
    presence(agentId, status, at) {
      const agent = agentOf(agentId, at);
      const before = fieldOf(agent);
      agent.presence = status;
      changed(agent, at, before);
    },
    holding(agentId, delta, at) {
      const agent = agentOf(agentId, at);
      const before = fieldOf(agent);
      agent.holding = Math.max(0, agent.holding + delta);
      changed(agent, at, before);
    },
    openSpans() {
      return [...agents].map(([agentId, agent]) => ({
        agentId,
        field: fieldOf(agent),
        since: agent.since,
        dimensions: agent.dimensions,
      }));
    },
  };
}
