import type { Contact } from '@switchboard/core';
import { useState, type SubmitEvent } from 'react';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/**
 * After the conversation: a disposition from the codes of the contact's queue (the dispositions
 * plugin, which refuses completing without one) and a note for the CRM.
 */
export function WrapUpForm({ contact }: { contact: Contact }) {
  const session = useSession();
  const codes = useStore(session.desk.plugin('dispositions')).contacts.get(contact.id)?.codes ?? [];
  const [disposition, setDisposition] = useState('');
  const [note, setNote] = useState('');

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void session.run(() => session.complete(contact.id, disposition, note.trim()));
  };

  return (
    <form className="wrap-up" aria-labelledby={`wrap-up-${contact.id}`} onSubmit={submit}>
      <h3 id={`wrap-up-${contact.id}`}>Wrap-up</h3>
      <label htmlFor={`disposition-${contact.id}`}>Disposition</label>
      <select
        id={`disposition-${contact.id}`}
        required
        value={disposition}
        onChange={(event) => setDisposition(event.target.value)}
      >
        <option value="">Choose…</option>
        {codes.map((code) => (
          <option key={code.code} value={code.code}>
            {code.label}
          </option>
        ))}
      </select>
      <label htmlFor={`note-${contact.id}`}>Note</label>
      <textarea
        id={`note-${contact.id}`}
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        placeholder="What was it about, what did you do?"
      />
      <button type="submit" className="primary">
        Complete
      </button>
    </form>
  );
}
