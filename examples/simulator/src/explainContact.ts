import type { ContactCenter, RoutingExplanation } from '@switchboard/core';

/**
 * Watches one contact during a run: the router's explanation at each offer, and its state at the
 * end if it is still waiting (or unknown, if no contact had that id).
 */
export function explainContact(contactId: string) {
  const accounts: RoutingExplanation[] = [];
  let center: ContactCenter | undefined;
  return {
    observe: (observed: ContactCenter) => {
      center = observed;
      observed.events.on('contact.offered', (event) => {
        if (event.contactId === contactId) accounts.push(observed.explain(contactId));
      });
    },
    accounts: (): RoutingExplanation[] => {
      const last = center?.explain(contactId);
      return last && (last.status === 'waiting' || accounts.length === 0)
        ? [...accounts, last]
        : accounts;
    },
  };
}
