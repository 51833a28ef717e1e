import { describe, expect, it } from 'vitest';
import { emptyCenterState, evolveCenter } from '../center/centerState';
import type { Agent } from '../model/agent';
import type { Contact } from '../model/contact';
import type { AgentId, ContactId } from '../model/ids';
import { PersistentMap } from '../store/persistentMap';
import { evolveAgents, syncHolders, type AgentsById } from './agentReducer';

const ada = 'ada' as AgentId;
const bob = 'bob' as AgentId;
const profile = (id: AgentId): Agent => ({
  id,
  name: id,
  roles: ['agent'],
  skills: [],
  capacity: { voice: 1, chat: 3, email: 5, sms: 3, social: 3 },
});
const fields = ['profile', 'presence', 'since', 'missedOffers', 'idleSince', 'contactIds', 'load'];
const loadFields = ['voice', 'chat', 'email', 'sms', 'social'];

function registered(...ids: AgentId[]): AgentsById {
  let agents: AgentsById = PersistentMap.empty();
  for (const id of ids)
    agents = evolveAgents(agents, { type: 'agent.registered', at: 10, agent: profile(id) });
  return agents;
}

const contact = (id: string, channel: Contact['channel']) => ({
  id: id as ContactId,
  channel,
});

describe('evolveAgents and syncHolders', () => {
  it('keeps every field of an agent, in one order, through every kind of change', () => {
    let agents = registered(ada);
    agents = evolveAgents(agents, {
      type: 'agent.statusChanged',
      at: 20,
      agentId: ada,
      presence: { status: 'available' },
      previous: { status: 'offline' },
    });
    agents = syncHolders(agents, contact('c1', 'callback'), [], [ada], 30);
    agents = evolveAgents(agents, {
      type: 'contact.missed',
      at: 40,
      contactId: 'c2' as ContactId,
      agentId: ada,
    });
    const agent = agents.get(ada);
    expect(Object.keys(agent ?? {})).toEqual(fields);
    expect(Object.keys(agent?.load ?? {})).toEqual(loadFields);
    expect(agent).toMatchObject({
      presence: { status: 'available' },
      since: 20,
      missedOffers: 1,
      idleSince: 20,
      contactIds: ['c1'],
      load: { voice: 1, chat: 0, email: 0, sms: 0, social: 0 },
    });
  });

  it('counts each channel apart and starts idling when the last contact leaves', () => {
    let agents = registered(ada, bob);
    agents = syncHolders(agents, contact('c1', 'chat'), [], [ada], 30);
    agents = syncHolders(agents, contact('c2', 'chat'), [], [ada], 31);
    agents = syncHolders(agents, contact('c3', 'email'), [], [ada], 32);
    expect(agents.get(ada)?.load).toEqual({ voice: 0, chat: 2, email: 1, sms: 0, social: 0 });
    // A transfer: the contact moves from Ada to Bob.
    agents = syncHolders(agents, contact('c3', 'email'), [ada], [bob], 40);
    expect(agents.get(ada)?.load).toEqual({ voice: 0, chat: 2, email: 0, sms: 0, social: 0 });
    expect(agents.get(ada)?.idleSince).toBe(10);
    expect(agents.get(bob)).toMatchObject({ contactIds: ['c3'], load: { email: 1 } });
    agents = syncHolders(agents, contact('c1', 'chat'), [ada], [], 50);
    agents = syncHolders(agents, contact('c2', 'chat'), [ada], [], 60);
    expect(agents.get(ada)).toMatchObject({ contactIds: [], idleSince: 60, load: { chat: 0 } });
  });

  it('leaves the same state when nothing changes (the centre then skips refiling)', () => {
    const agents = syncHolders(registered(ada), contact('c1', 'sms'), [], [ada], 30);
    expect(syncHolders(agents, contact('c1', 'sms'), [], [ada], 31)).toBe(agents);
    expect(syncHolders(agents, contact('c9', 'sms'), [ada], [], 31)).toBe(agents);
    const accepted = evolveAgents(agents, {
      type: 'contact.accepted',
      at: 32,
      contactId: 'c1' as ContactId,
      agentId: ada,
    });
    expect(accepted).toBe(agents);
  });

  it('gives the centre frozen states', () => {
    const state = evolveCenter(emptyCenterState, {
      type: 'agent.registered',
      at: 1,
      agent: profile(ada),
    });
    expect(Object.isFrozen(state)).toBe(true);
    expect(state.agents.get(ada)?.presence).toEqual({ status: 'offline' });
  });
});
