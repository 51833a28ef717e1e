import { isFinished } from '../contact/contactMachine';
import { contactIdOf, isAgentEvent, type DomainEvent } from '../events/domainEvents';
import type { AgentId, ContactId } from '../model/ids';
import type { Clock, TimerHandle } from '../ports/clock';
import { createKeyedTimers } from '../ports/keyedTimers';
import type { CenterRules } from './centerOptions';
import type { Contact } from '../model/contact';

/** What the timers do when they fire; the centre supplies them. */
export interface TimerActions {
  /** An offer lapsed. */
  miss(contactId: ContactId): void;
  /** A wrap-up reached its limit. */
  complete(contactId: ContactId): void;
  /** A pass-over of the contact ended: try routing it again. */
  reconsider(contactId: ContactId): void;
}

/** The centre's timers: offer time-outs, wrap-up limits and pass-overs after a decline. */
export interface CenterTimers {
  /** Starts or cancels the timers an applied event calls for; `contact` is its contact after the batch. */
  track(event: DomainEvent, contact: Contact | undefined): void;
  /** Whether `agentId` is passed over for `contactId` (declined or missed it within one offer time-out). */
  isPassedOver: (contactId: ContactId, agentId: AgentId) => boolean;
  /** Cancels every timer. */
  clear(): void;
}

/** Creates the timers of a centre on the injected clock. */
export function createCenterTimers(
  clock: Clock,
  rules: CenterRules,
  actions: TimerActions,
): CenterTimers {
  const offers = createKeyedTimers<ContactId>(clock);
  const wrapUps = createKeyedTimers<ContactId>(clock);
  const passOvers = new Map<ContactId, Map<AgentId, number>>();
  const reroutes = new Set<TimerHandle>();

  return {
    track(event, contact) {
      if (isAgentEvent(event)) return;
      const contactId = contactIdOf(event);
      if (contact?.status !== 'offered') offers.cancel(contactId);
      if (contact?.status !== 'wrapUp') wrapUps.cancel(contactId);
      if (!contact || isFinished(contact)) passOvers.delete(contactId);

      if (event.type === 'contact.offered' && contact?.status === 'offered') {
        offers.start(contactId, event.expiresAt - event.at, () => {
          actions.miss(contactId);
        });
      }
      if (event.type === 'contact.wrapUpStarted' && rules.wrapUpLimitMs !== null) {
        wrapUps.start(contactId, rules.wrapUpLimitMs, () => {
          actions.complete(contactId);
        });
      }
      if (event.type === 'contact.rejected' || event.type === 'contact.missed') {
        const until = event.at + rules.offerTimeoutMs;
        const agents = passOvers.get(contactId) ?? new Map<AgentId, number>();
        agents.set(event.agentId, until);
        passOvers.set(contactId, agents);
        const handle = clock.setTimeout(() => {
          reroutes.delete(handle);
          actions.reconsider(contactId);
        }, rules.offerTimeoutMs);
        reroutes.add(handle);
      }
    },
    isPassedOver(contactId, agentId) {
      const until = passOvers.get(contactId)?.get(agentId);
      return until !== undefined && clock.now() < until;
    },
    clear() {
      for (const handle of reroutes) clock.clearTimeout(handle);
      reroutes.clear();
      offers.clear();
      wrapUps.clear();
      passOvers.clear();
    },
  };
}
