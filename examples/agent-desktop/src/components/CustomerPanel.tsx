import type { Contact } from '@switchboard/core';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';
import { FollowUpForm } from './FollowUpForm';
import { History } from './History';
import { Tickets } from './Tickets';

/** The CRM's screen pop for the contact: the customer, their history and their tickets. */
export function CustomerPanel({ contact }: { contact: Contact }) {
  const { crm } = useSession();
  const pop = useStore(crm).pops.get(contact.id);
  const customer = pop?.status === 'ready' ? pop.pop.customer : null;

  return (
    <section className="customer" aria-labelledby={`customer-${contact.id}`}>
      <h3 id={`customer-${contact.id}`}>Customer</h3>
      {pop?.status === 'loading' && <p className="muted">Looking the customer up…</p>}
      {pop?.status === 'failed' && <p className="muted">The CRM lookup failed.</p>}
      {customer?.id ? (
        <>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{customer.name ?? '–'}</dd>
            <dt>Phone</dt>
            <dd>{customer.phone ?? '–'}</dd>
            <dt>Email</dt>
            <dd>{customer.email ?? '–'}</dd>
          </dl>
          <History customerId={customer.id} />
          <Tickets customerId={customer.id} contact={contact} />
          <FollowUpForm customerId={customer.id} contact={contact} />
        </>
      ) : (
        pop?.status === 'ready' && <p className="muted">Not in the CRM.</p>
      )}
    </section>
  );
}
