import type { AgentState } from '../agent/agentState';
import type { CenterState } from '../center/centerState';
import { capacityChannel, type Capacity } from '../model/channel';
import type { Contact, ContactStatus } from '../model/contact';
import type { AgentId } from '../model/ids';

/** What an agent is doing on one channel, derived from the contacts they hold there. */
export type ChannelActivity = 'idle' | 'offered' | 'engaged' | 'wrapUp';

/** One agent's view of the centre: what a host renders. Frozen; a new object on every change. */
export interface DeskSnapshot {
  /** The agent, with presence, roster facts and the contacts they hold. */
  readonly agent: AgentState;
  /** Contacts offered to or held by the agent, oldest first. */
  readonly contacts: readonly Contact[];
  /** Activity per capacity channel: engaged beats offered beats wrap-up beats idle. */
  readonly activity: Readonly<Record<keyof Capacity, ChannelActivity>>;
  /** Contacts held against capacity, per channel. */
  readonly load: Readonly<Record<keyof Capacity, ChannelLoad>>;
}

/** Contacts held on one channel against the agent's capacity there. */
export interface ChannelLoad {
  /** Contacts held. */
  readonly used: number;
  /** Contacts allowed at once. */
  readonly capacity: number;
}

const activityOf: Partial<Record<ContactStatus, ChannelActivity>> = {
  offered: 'offered',
  accepted: 'engaged',
  connected: 'engaged',
  onHold: 'engaged',
  inConsult: 'engaged',
  conferenced: 'engaged',
  wrapUp: 'wrapUp',
};
const rank: Record<ChannelActivity, number> = { idle: 0, wrapUp: 1, offered: 2, engaged: 3 };

/**
 * Returns a selector of one agent's {@link DeskSnapshot} from the centre's state that returns
 * the previous snapshot object while neither the agent nor their contacts changed.
 */
export function createDeskSelector(
  agentId: AgentId,
): (state: CenterState) => DeskSnapshot | undefined {
  let last: DeskSnapshot | undefined;
  return (state) => {
    const agent = state.agents.get(agentId);
    if (!agent) return undefined;
    const contacts = agent.contactIds.flatMap((id) => state.contacts.get(id) ?? []);
    if (last?.agent === agent && sameItems(last.contacts, contacts)) return last;
    last = Object.freeze({ agent, contacts, ...summarise(agent, contacts) });
    return last;
  };
}

function summarise(agent: AgentState, contacts: readonly Contact[]) {
  const channels = Object.keys(agent.profile.capacity) as (keyof Capacity)[];
  const activity = Object.fromEntries(channels.map((channel) => [channel, 'idle'])) as Record<
    keyof Capacity,
    ChannelActivity
  >;
  const load = Object.fromEntries(
    channels.map((channel) => [
      channel,
      { used: agent.load[channel], capacity: agent.profile.capacity[channel] },
    ]),
  ) as Record<keyof Capacity, ChannelLoad>;
  for (const contact of contacts) {
    const channel = capacityChannel(contact.channel);
    const current = activityOf[contact.status] ?? 'idle';
    if (rank[current] > rank[activity[channel]]) activity[channel] = current;
  }
  return { activity, load };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
