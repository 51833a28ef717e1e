import type { Contact } from '@switchboard/core';
import { channelLabel, statusLabel } from '../format';

/** The contacts the agent holds; choosing one shows it. */
export function InHand({
  contacts,
  current,
  onChoose,
}: {
  contacts: readonly Contact[];
  current: string | undefined;
  onChoose: (contactId: string) => void;
}) {
  return (
    <nav className="panel" aria-labelledby="in-hand-title">
      <h2 id="in-hand-title">In hand</h2>
      {contacts.length === 0 && <p className="muted">No contacts.</p>}
      <ul className="cards">
        {contacts.map((contact) => (
          <li key={contact.id}>
            <button
              type="button"
              className={`card pick channel-${contact.channel}`}
              aria-current={contact.id === current ? 'true' : undefined}
              onClick={() => onChoose(contact.id)}
            >
              <span className="badge">{channelLabel[contact.channel]}</span>{' '}
              {contact.customer.name ?? 'Unknown customer'}
              <span className="muted"> · {statusLabel[contact.status]}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
