/**
 * What the engine keeps of one open contact: a few numbers, never its events. Records of ended
 * contacts are reused for new ones (see {@link openTracked}), so that none is allocated per
 * contact.
 */
export interface Tracked {
  createdAt: number;
  channelKey: string;
  fcrKey: string | null;
  /** The FCR key's entry while the contact is connected (see `FcrTracker.connected`), else -1. */
  fcrEntry: number;
  escalatedAttribute: boolean;
  inbound: boolean;
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
  dimensions: readonly string[] | null;
  dimensionsAgent: string | null;
}

/**
 * Shared, never-mutated dimension lists and keys: one per channel, queue and agent combination
 * instead of one per contact, so that nothing is allocated per event and the lists that FCR and
 * surveys keep for days cost no memory per contact.
 */
export interface DimensionCache {
  /** `channel:<name>`, built once per channel. */
  readonly channelKey: (channel: string) => string;
  /** The dimensions a fact counts for: total, its channel, and its queue and agent when known. */
  readonly dimensionsOf: (contact: Tracked, agentId: string | null) => readonly string[];
  /** The dimensions of a transfer: total, the channel and the transferring agent. */
  readonly transferDimensions: (channelKey: string, agentId: string) => readonly string[];
  /** `[agentId]`, shared. */
  readonly soleHolder: (agentId: string) => readonly string[];
}

/**
 * A waiting contact's record with every field at its start value: `reuse` (an ended contact's
 * record) or a new one. The caller sets what it knows of the contact.
 */
export function openTracked(reuse: Tracked | undefined, holders: readonly string[]): Tracked {
  // The fields that hold fractional times start as a double (NaN, set to 0 just below), so V8
  // stores them as doubles from the first record rather than changing every record's hidden
  // class the first time one holds a fraction.
  const c: Tracked = reuse ?? {
    createdAt: Number.NaN,
    channelKey: '',
    fcrKey: null,
    fcrEntry: -1,
    escalatedAttribute: false,
    inbound: false,
    status: 'waiting',
    queueId: null,
    agentId: null,
    holders,
    queuedAt: null,
    waitEnded: false,
    connected: false,
    transferred: false,
    engagedSince: null,
    engagedMs: Number.NaN,
    heldSince: null,
    holdMs: Number.NaN,
    wrapUpAt: null,
    dimensions: null,
    dimensionsAgent: null,
  };
  c.createdAt = 0;
  c.channelKey = '';
  c.fcrKey = null;
  c.fcrEntry = -1;
  c.escalatedAttribute = false;
  c.inbound = false;
  c.status = 'waiting';
  c.queueId = null;
  c.agentId = null;
  c.holders = holders;
  c.queuedAt = null;
  c.waitEnded = false;
  c.connected = false;
  c.transferred = false;
  c.engagedSince = null;
  c.engagedMs = 0;
  c.heldSince = null;
  c.holdMs = 0;
  c.wrapUpAt = null;
  c.dimensions = null;
  c.dimensionsAgent = null;
  return c;
}

type Nested<T> = Map<string | null, Map<string | null, T>>;

/** Creates an empty {@link DimensionCache}. Its size grows with agents × queues × channels. */
export function createDimensionCache(): DimensionCache {
  const channelKeys = new Map<string, string>();
  const lists: Nested<Map<string | null, readonly string[]>> = new Map();
  const transfers: Nested<readonly string[]> = new Map();
  const holders = new Map<string, readonly string[]>();

  const inner = <T>(outer: Map<string | null, Map<string | null, T>>, key: string | null) => {
    let map = outer.get(key);
    if (!map) outer.set(key, (map = new Map<string | null, T>()));
    return map;
  };

  return {
    channelKey(channel) {
      let key = channelKeys.get(channel);
      if (key === undefined) channelKeys.set(channel, (key = `channel:${channel}`));
      return key;
    },
    dimensionsOf(contact, agentId) {
      if (contact.dimensions && contact.dimensionsAgent === agentId) return contact.dimensions;
      const byAgent = inner(inner(lists, contact.channelKey), contact.queueId);
      let dimensions = byAgent.get(agentId);
      if (!dimensions) {
        const list = ['total', contact.channelKey];
        if (contact.queueId !== null) list.push(`queue:${contact.queueId}`);
        if (agentId !== null) list.push(`agent:${agentId}`);
        byAgent.set(agentId, (dimensions = list));
      }
      contact.dimensions = dimensions;
      contact.dimensionsAgent = agentId;
      return dimensions;
    },
    transferDimensions(channelKey, agentId) {
      const byAgent = inner(transfers, channelKey);
      let dimensions = byAgent.get(agentId);
      if (!dimensions)
        byAgent.set(agentId, (dimensions = ['total', channelKey, `agent:${agentId}`]));
      return dimensions;
    },
    soleHolder(agentId) {
      let list = holders.get(agentId);
      if (!list) holders.set(agentId, (list = [agentId]));
      return list;
    },
  };
}
