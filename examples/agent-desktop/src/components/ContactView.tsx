import type { Contact } from '@switchboard/core';
import { channelLabel, duration, statusLabel, subjectOf } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';
import { CallAudio } from './CallAudio';
import { CannedReplies } from './CannedReplies';
import { ChatTranscript } from './ChatTranscript';
import { ContactControls } from './ContactControls';
import { CustomerPanel } from './CustomerPanel';
import { EmailThread } from './EmailThread';
import { Keypad } from './Keypad';
import { PciPause } from './PciPause';
import { ScriptPanel } from './ScriptPanel';
import { WrapUpForm } from './WrapUpForm';

const talkingStatuses = new Set<Contact['status']>([
  'connected',
  'onHold',
  'inConsult',
  'conferenced',
]);

/**
 * The contact in hand: who, what about, the controls for its status; the script of a call, the
 * conversation and saved replies of a chat or an email, the PCI pause; and the customer.
 */
export function ContactView({ contact }: { contact: Contact }) {
  const { world } = useSession();
  const now = useStore(world.now);
  const who = contact.customer.name ?? 'Unknown customer';
  const talking = talkingStatuses.has(contact.status);
  const written = contact.channel === 'chat' || contact.channel === 'email';

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
      {(contact.channel === 'voice' || contact.channel === 'chat') && talking && (
        <PciPause contact={contact} />
      )}
      {contact.channel === 'voice' && talking && <CallAudio contactId={contact.id} />}
      {contact.channel === 'voice' && talking && <Keypad contactId={contact.id} />}
      {contact.channel === 'voice' && contact.status !== 'accepted' && (
        <ScriptPanel contact={contact} />
      )}
      {contact.channel === 'chat' && <ChatTranscript contact={contact} />}
      {contact.channel === 'email' && <EmailThread contact={contact} />}
      {written && talking && <CannedReplies contact={contact} />}
      {contact.status === 'wrapUp' && <WrapUpForm contact={contact} />}
      <CustomerPanel contact={contact} />
    </section>
  );
}
