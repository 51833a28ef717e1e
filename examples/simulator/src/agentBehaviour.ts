import type { AgentId, ContactId } from '@switchboard/core';
import type { ContactLog } from './contactLog';
import type { Random } from './random';
import type { Scenario } from './scenario';
import type { Shifts } from './shifts';
import { sampleMs, type SimWorld } from './world';

/** What happened to offers made to agents. */
export interface OfferCounts {
  /** Offers made. */
  made: number;
  /** Offers the agent accepted. */
  accepted: number;
  /** Offers the agent declined. */
  rejected: number;
  /** Offers that timed out unanswered. */
  missed: number;
  /** Offers that ended because the customer hung up while the agent's phone rang. */
  withdrawn: number;
}

/** An agent's answer to an offer. */
type Answer = Readonly<{ type: 'accept' | 'reject'; agentId: AgentId }>;
/** An agent's end of wrap-up. */
type Completion = Readonly<{ type: 'complete'; disposition: string }>;
const connect = Object.freeze({ type: 'connect' as const });
const end = Object.freeze({ type: 'end' as const });

/**
 * Makes the agents act on the centre's events: think, then accept (or now and then decline or
 * miss) an offer, connect, talk for as long as the contact needs, wrap up with its disposition;
 * and, with shifts, log out once their shift is over and their last contact done. Returns the
 * offer counts, kept up to date.
 */
export function actLikeAgents(
  world: SimWorld,
  scenario: Scenario,
  log: ContactLog,
  agentRandom: Random,
  shifts: Shifts | null,
): OfferCounts {
  const { center, clock, agenda, contactOf } = world;
  const { behaviour } = scenario;
  const offers: OfferCounts = { made: 0, accepted: 0, rejected: 0, missed: 0, withdrawn: 0 };
  const ringing = new Set<ContactId>();
  // The agents' commands are frozen and kept, one per agent and answer (and per disposition):
  // the centre validates a frozen command the first time only, not at each of the day's uses.
  const answers = { accept: new Map<AgentId, Answer>(), reject: new Map<AgentId, Answer>() };
  const answer = (type: Answer['type'], agentId: AgentId) => {
    const known = answers[type].get(agentId);
    if (known) return known;
    const made = Object.freeze({ type, agentId });
    answers[type].set(agentId, made);
    return made;
  };
  const completions = new Map<string, Completion>();
  const complete = (disposition: string) => {
    const known = completions.get(disposition);
    if (known) return known;
    const made = Object.freeze({ type: 'complete' as const, disposition });
    completions.set(disposition, made);
    return made;
  };
  const stillOffered = (contactId: ContactId, agentId: AgentId) => {
    const contact = contactOf(contactId);
    return contact?.status === 'offered' && contact.agentId === agentId;
  };
  center.events.on('contact.offered', ({ contactId, agentId }) => {
    offers.made += 1;
    ringing.add(contactId);
    const roll = agentRandom.next();
    if (roll < behaviour.missProbability) return; // looks away: the offer times out
    const type =
      roll < behaviour.missProbability + behaviour.rejectProbability ? 'reject' : 'accept';
    agenda.at(clock.now() + sampleMs(agentRandom, behaviour.thinkTime), () => {
      if (stillOffered(contactId, agentId)) center.contactCommand(contactId, answer(type, agentId));
    });
  });
  center.events.on('contact.rejected', ({ contactId }) => {
    offers.rejected += 1;
    ringing.delete(contactId);
  });
  center.events.on('contact.missed', ({ contactId }) => {
    offers.missed += 1;
    ringing.delete(contactId);
  });
  center.events.on('contact.abandoned', ({ contactId }) => {
    if (ringing.delete(contactId)) offers.withdrawn += 1;
  });
  center.events.on('contact.accepted', ({ contactId, state }) => {
    offers.accepted += 1;
    ringing.delete(contactId);
    if (center.rules.autoConnect.includes(state.channel)) return;
    agenda.at(clock.now() + sampleMs(agentRandom, behaviour.connectDelay), () => {
      if (contactOf(contactId)?.status === 'accepted') center.contactCommand(contactId, connect);
    });
  });
  center.events.on('contact.connected', ({ contactId }) => {
    const needs = log.needsOf(contactId);
    if (!needs) return;
    agenda.at(clock.now() + needs.handleMs, () => {
      if (contactOf(contactId)?.status === 'connected') center.contactCommand(contactId, end);
    });
  });
  center.events.on('contact.wrapUpStarted', ({ contactId }) => {
    const needs = log.needsOf(contactId);
    if (!needs) return;
    const { disposition } = needs;
    agenda.at(clock.now() + needs.wrapUpMs, () => {
      if (contactOf(contactId)?.status === 'wrapUp') {
        center.contactCommand(contactId, complete(disposition));
      }
    });
  });
  // An agent whose shift ended logs out once their last contact is done.
  if (shifts) {
    const settleSoon = () => {
      agenda.at(clock.now(), () => {
        shifts.settle();
      });
    };
    for (const name of ['contact.completed', 'contact.abandoned', 'contact.missed'] as const) {
      center.events.on(name, settleSoon);
    }
  }
  return offers;
}
