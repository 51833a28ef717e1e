import { emptyCenterState, evolveCenter, type CenterState } from '../center/centerState';
import type { AgentState } from '../agent/agentState';
import type { DomainEvent } from '../events/domainEvents';
import type { Contact } from '../model/contact';
import { PersistentMap } from '../store/persistentMap';
import { defineEventSchema } from './eventSchema';
import { defineProjection } from './projection';
import type { LoggedDomainEvent } from './contactLog';

/**
 * The schema of a centre's stored domain events. Version 1 is the shape of `DomainEvent` today
 * (with the `state` the centre sends along); a change of that shape bumps the version.
 */
export const centerEventSchema = defineEventSchema<LoggedDomainEvent>({ version: 1 });

interface EncodedCenter {
  readonly agents: readonly AgentState[];
  readonly contacts: readonly Contact[];
}

const isDomainEvent = (event: LoggedDomainEvent): boolean =>
  event.type.startsWith('agent.') || event.type.startsWith('contact.');

/**
 * A contact centre's state as a {@link Projection} of its logged domain events (snapshot format
 * version 1): replaying a centre's log gives what `center.getSnapshot()` held.
 */
export const centerProjection = defineProjection<CenterState, LoggedDomainEvent>({
  version: 1,
  initial: emptyCenterState,
  evolve: (state, event) =>
    isDomainEvent(event) ? evolveCenter(state, event as unknown as DomainEvent) : state,
  encode: (state): EncodedCenter => ({
    agents: [...state.agents.values()],
    contacts: [...state.contacts.values()],
  }),
  decode(json) {
    const encoded = json as EncodedCenter;
    return Object.freeze({
      agents: PersistentMap.from(encoded.agents.map((agent) => [agent.profile.id, agent] as const)),
      contacts: PersistentMap.from(
        encoded.contacts.map((contact) => [contact.id, contact] as const),
      ),
    });
  },
});
