/** What the engine keeps of one open contact: a few numbers, never its events. */
export interface Tracked {
  readonly createdAt: number;
  readonly channelKey: string;
  readonly fcrKey: string | null;
  readonly escalatedAttribute: boolean;
  readonly inbound: boolean;
  status: 'waiting' | 'offered' | 'engaged' | 'wrapUp';
  queueId: string | null;
  agentId: string | null;
  holders: readonly string[];
  queuedAt: number | null;
  /** Whether the queue wait has had its outcome (answered or abandoned). */
  waitEnded: boolean;
  connected: boolean;
  transferred: boolean;
  engagedSince: number | null;
  engagedMs: number;
  heldSince: number | null;
  holdMs: number;
  wrapUpAt: number | null;
  /** The last dimensions built for this contact, and the agent they were built for. */
  dimensions: string[] | null;
  dimensionsAgent: string | null;
}

const queueKey = (id: string | null) => (id === null ? null : `queue:${id}`);
const agentKey = (id: string | null) => (id === null ? null : `agent:${id}`);

/** The dimensions a fact counts for: total, its channel, and its queue and agent when known. */
export function dimensionsOf(contact: Tracked, agentId: string | null): string[] {
  if (contact.dimensions && contact.dimensionsAgent === agentId) return contact.dimensions;
  const dimensions = ['total', contact.channelKey];
  const queue = queueKey(contact.queueId);
  const agent = agentKey(agentId);
  if (queue) dimensions.push(queue);
  if (agent) dimensions.push(agent);
  contact.dimensions = dimensions;
  contact.dimensionsAgent = agentId;
  return dimensions;
}
