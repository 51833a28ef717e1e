import type { Contact } from '@switchboard/core';
import { useState, type SubmitEvent } from 'react';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/** Due times an agent picks from, in minutes. */
const dueChoices = [
  { minutes: 5, label: 'in 5 minutes' },
  { minutes: 60, label: 'in an hour' },
  { minutes: 24 * 60, label: 'tomorrow' },
];

/**
 * Schedules a follow-up on the contact or one of the customer's tickets, in the world's ticket
 * book (`@switchboard/core/tickets`): due on the centre's clock, overdue after its grace period.
 */
export function FollowUpForm({ contact, customerId }: { contact: Contact; customerId: string }) {
  const { world, desk, run } = useSession();
  const tickets = useStore(world.crm).tickets.filter((ticket) => ticket.customerId === customerId);
  const [about, setAbout] = useState(`contact:${contact.id}`);
  const [description, setDescription] = useState('');
  const [minutes, setMinutes] = useState(dueChoices[0]?.minutes ?? 15);
  const id = contact.id;

  const schedule = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [kind, targetId = ''] = about.split(':') as ['contact' | 'ticket', string?];
    const ticket = kind === 'ticket' && tickets.find((candidate) => candidate.id === targetId);
    const { profile } = desk.getSnapshot().agent;
    void run(() => {
      world.book.scheduleFollowUp(
        {
          // The book's ticket targets are its own tickets; the desktop's live in the CRM, so a
          // follow-up on one is filed on its customer and names the ticket.
          target: ticket ? { kind: 'customer', id: customerId } : { kind: 'contact', id },
          dueAt: world.clock.now() + minutes * 60_000,
          description: ticket
            ? `${description} (ticket ${ticket.id}: ${ticket.subject})`
            : description,
        },
        { id: profile.id, roles: profile.roles },
      );
      setDescription('');
    });
  };

  return (
    <form className="follow-up" aria-labelledby={`follow-up-${id}`} onSubmit={schedule}>
      <h4 id={`follow-up-${id}`}>Follow-up</h4>
      <label htmlFor={`follow-up-about-${id}`}>About</label>
      <select
        id={`follow-up-about-${id}`}
        value={about}
        onChange={(event) => setAbout(event.target.value)}
      >
        <option value={`contact:${id}`}>This contact</option>
        {tickets.map((ticket) => (
          <option key={ticket.id} value={`ticket:${ticket.id}`}>
            Ticket: {ticket.subject}
          </option>
        ))}
      </select>
      <label htmlFor={`follow-up-what-${id}`}>To do</label>
      <input
        id={`follow-up-what-${id}`}
        required
        value={description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <label htmlFor={`follow-up-due-${id}`}>Due</label>
      <select
        id={`follow-up-due-${id}`}
        value={minutes}
        onChange={(event) => setMinutes(Number(event.target.value))}
      >
        {dueChoices.map((choice) => (
          <option key={choice.minutes} value={choice.minutes}>
            {choice.label}
          </option>
        ))}
      </select>
      <button type="submit">Schedule follow-up</button>
    </form>
  );
}
