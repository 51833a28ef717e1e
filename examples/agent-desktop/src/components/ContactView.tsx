import type { Contact } from '@switchboard/core';
import { channelLabel, duration, statusLabel, subjectOf } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';
import { ContactControls } from './ContactControls';
import { CustomerPanel } from './CustomerPanel';
import { Keypad } from './Keypad';
import { WrapUpForm } from './WrapUpForm';

/** The contact in hand: who, what about, the controls for its status, and the customer. */
export function ContactView({ contact }: { contact: Contact }) {
  const { world } = useSession();
  const now = useStore(world.now);
  const who = contact.customer.name ?? 'Unknown customer';
  const talking = ['connected', 'onHold', 'inConsult', 'conferenced'].includes(contact.status);

  return (
    <section className="panel contact" aria-labelledby="contact-title">
      <header className="contact-head">
        <h2 id="contact-title">
          <span className="badge">{channelLabel[contact.channel]}</span> {who}
        </h2>
        <p className="muted">
          {subjectOf(contact)} · <span>{statusLabel[contact.status]}</span>{' '}
          <time aria-label="Time in this status">
            {duration(Math.max(now, contact.since) - contact.since)}
          </time>
        </p>
      </header>
      <ContactControls contact={contact} />
      {contact.channel === 'voice' && talking && <Keypad contactId={contact.id} />}
      {contact.status === 'wrapUp' && <WrapUpForm contact={contact} />}
      <CustomerPanel contact={contact} />
    </section>
  );
}
