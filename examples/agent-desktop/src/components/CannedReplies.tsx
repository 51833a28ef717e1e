import type { Contact } from '@switchboard/core';
import { useState } from 'react';
import { useSession } from '../sessionContext';

/**
 * Saved replies and macros (`@switchboard/plugin-canned-responses`) for a chat or an email:
 * search those of the contact's queue and channel, preview one with its variables filled from
 * the customer, the contact and the agent, and send it (through the chat, or the email outbox).
 */
export function CannedReplies({ contact }: { contact: Contact }) {
  const { desk, run } = useSession();
  const replies = desk.plugin('cannedResponses');
  const [query, setQuery] = useState('');
  const [chosen, choose] = useState<string | null>(null);
  const id = contact.id;
  const found = query.trim() ? replies.search(query, id) : replies.available(id);
  const preview = chosen === null ? null : replies.render(id, chosen);

  return (
    <section className="canned" aria-labelledby={`canned-${id}`}>
      <h3 id={`canned-${id}`}>Saved replies</h3>
      <div className="field-row">
        <label htmlFor={`canned-search-${id}`}>Search replies</label>
        <input
          id={`canned-search-${id}`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <ul className="reply-list" aria-label="Replies found">
        {found.map((item) => (
          <li key={item.id}>
            <button type="button" aria-pressed={chosen === item.id} onClick={() => choose(item.id)}>
              {item.title}
              {item.shortcut && <span className="muted"> {item.shortcut}</span>}
            </button>
          </li>
        ))}
      </ul>
      {preview && (
        <div className="reply-preview">
          {preview.subject && <p className="muted">Subject: {preview.subject}</p>}
          <p className="preview-text" aria-label="Reply preview">
            {preview.text}
          </p>
          {preview.missing.length > 0 && (
            <p className="muted">No value for {preview.missing.join(', ')}.</p>
          )}
          <button
            type="button"
            className="primary"
            disabled={preview.missing.length > 0}
            onClick={() =>
              void run(async () => {
                await replies.send(id, preview.responseId);
                choose(null);
              })
            }
          >
            Send reply
          </button>
        </div>
      )}
    </section>
  );
}
