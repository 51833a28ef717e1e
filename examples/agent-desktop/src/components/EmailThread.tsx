import type { Contact } from '@switchboard/core';
import { dateTime } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/** The replies sent on an email contact (the embedded world's outbox stands for SMTP). */
export function EmailThread({ contact }: { contact: Contact }) {
  const { world } = useSession();
  const sent = useStore(world.outbox).filter(
    (message) => message.contactId === contact.id && message.kind === 'reply',
  );
  if (sent.length === 0) return null;
  return (
    <section className="conversation" aria-labelledby={`sent-${contact.id}`}>
      <h3 id={`sent-${contact.id}`}>Sent</h3>
      <ol className="messages" aria-label="Replies sent">
        {sent.map((message, index) => (
          <li key={`${String(message.at)}-${String(index)}`}>
            <span className="muted">{dateTime(message.at)}</span>
            {message.subject && <strong> {message.subject}</strong>}
            <p className="preview-text">{message.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
