import type { Contact } from '@switchboard/core';
import {
  canTransition,
  ticketPriorities,
  ticketTransitions,
  type TicketPriority,
} from '@switchboard/core/tickets';
import type { CrmTicket } from '@switchboard/crm-adapters';
import { useState, type SubmitEvent } from 'react';
import { subjectOf } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/** The customer's tickets in the CRM: create one from the contact, move it on, escalate it. */
export function Tickets({ customerId, contact }: { customerId: string; contact: Contact }) {
  const { world, desk, run } = useSession();
  const tickets = useStore(world.crm).tickets.filter((ticket) => ticket.customerId === customerId);
  const [subject, setSubject] = useState(subjectOf(contact));
  const [priority, setPriority] = useState<TicketPriority>('normal');

  const create = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(() =>
      desk.invoke('crm.createTicket', { subject, priority, customerId, contactId: contact.id }),
    );
  };

  return (
    <section aria-labelledby={`tickets-${customerId}`}>
      <h4 id={`tickets-${customerId}`}>Tickets</h4>
      <ul className="tickets">
        {tickets.map((ticket) => (
          <TicketRow key={ticket.id} ticket={ticket} />
        ))}
      </ul>
      <form className="field-row wrap" aria-label="New ticket" onSubmit={create}>
        <label htmlFor={`subject-${contact.id}`}>Subject</label>
        <input
          id={`subject-${contact.id}`}
          required
          value={subject}
          onChange={(event) => setSubject(event.target.value)}
        />
        <label htmlFor={`priority-${contact.id}`}>Priority</label>
        <select
          id={`priority-${contact.id}`}
          value={priority}
          onChange={(event) => setPriority(event.target.value as TicketPriority)}
        >
          {ticketPriorities.map((level) => (
            <option key={level}>{level}</option>
          ))}
        </select>
        <button type="submit">Create ticket</button>
      </form>
    </section>
  );
}

/** One ticket: its status moves follow the core's ticket workflow (`ticketTransitions`). */
function TicketRow({ ticket }: { ticket: CrmTicket }) {
  const { desk, run } = useSession();
  const moves = ticketTransitions[ticket.status].filter((status) => status !== 'escalated');
  const raised = ticketPriorities[ticketPriorities.indexOf(ticket.priority) + 1] ?? ticket.priority;

  const move = (status: CrmTicket['status']) =>
    void run(() => desk.invoke('crm.updateTicket', { id: ticket.id, changes: { status } }));
  // Escalating raises the priority a step and says who escalated, on the ticket itself.
  const escalate = () =>
    void run(async () => {
      await desk.invoke('crm.updateTicket', {
        id: ticket.id,
        changes: { status: 'escalated', priority: raised },
      });
      await desk.invoke('crm.addNote', {
        target: { kind: 'ticket', id: ticket.id },
        body: `Escalated by ${desk.getSnapshot().agent.profile.name}.`,
      });
    });

  return (
    <li className="ticket">
      <div>
        <strong>{ticket.subject}</strong>
        <div className="muted">
          {ticket.id} · <span className={`pill pill-${ticket.status}`}>{ticket.status}</span> ·{' '}
          {ticket.priority}
        </div>
      </div>
      <div role="group" aria-label={`Ticket ${ticket.id}`} className="actions">
        {moves.map((status) => (
          <button key={status} type="button" onClick={() => move(status)}>
            Mark {status}
          </button>
        ))}
        {canTransition(ticket.status, 'escalated') && (
          <button type="button" className="warn" onClick={escalate}>
            Escalate
          </button>
        )}
      </div>
    </li>
  );
}
