import type { Contact } from '@switchboard/core';
import { useState, type SubmitEvent } from 'react';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/**
 * The chat of a contact (`@switchboard/plugin-chat`): its messages, each through the redaction
 * plugin's `redactMessage` (card numbers and the like masked, every digit while a PCI pause is
 * on), and the agent's input, masked during the pause.
 */
export function ChatTranscript({ contact }: { contact: Contact }) {
  const { desk, run } = useSession();
  const chat = useStore(desk.plugin('chat')).chats.find((held) => held.contactId === contact.id);
  const redaction = desk.plugin('redaction');
  useStore(redaction); // a pause changes how messages show
  const masked = redaction.isInputMasked(contact.id);
  const [text, setText] = useState('');
  const id = contact.id;

  const send = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(() => {
      desk.plugin('chat').send(id, text);
      setText('');
    });
  };

  if (!chat) return null;
  const messages = [
    ...chat.messages,
    ...chat.pending.map((pending) => ({ ...pending, seq: 0, from: 'agent' as const })),
  ];
  const author = { agent: 'You', customer: 'Customer', system: 'Centre' };
  return (
    <section className="conversation" aria-labelledby={`chat-${id}`}>
      <h3 id={`chat-${id}`}>Chat</h3>
      <ol className="messages" aria-label="Messages">
        {messages.map((message, index) => {
          const shown = redaction.redactMessage({ contactId: id, text: message.text });
          return (
            <li key={`${String(message.seq)}-${String(index)}`} className={`from-${message.from}`}>
              <span className="muted">{author[message.from]}:</span> {shown.text}
            </li>
          );
        })}
      </ol>
      {chat.customerTyping && <p className="muted">The customer is typing…</p>}
      {chat.status !== 'ended' && (
        <form className="field-row" aria-label="Write a message" onSubmit={send}>
          <label htmlFor={`say-${id}`}>Message</label>
          <input
            id={`say-${id}`}
            type={masked ? 'password' : 'text'}
            autoComplete="off"
            required
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit">Send</button>
        </form>
      )}
    </section>
  );
}
