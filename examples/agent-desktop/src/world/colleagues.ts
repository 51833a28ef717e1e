import type { AgentId, Clock, ContactCenter, Unsubscribe } from '@switchboard/core';

/** What the simulated colleagues are doing when the day starts. */
const startingReasons = ['training', 'meeting', 'break'];

const SECOND = 1000;

/**
 * Simulated colleagues: everyone on the roster but the signed-in agent. They start not ready
 * (so the queues' contacts come to you), take what is transferred to them or what routing
 * offers once a supervisor makes them available, talk for a minute and a half and wrap up.
 */
export function startColleagues(center: ContactCenter, clock: Clock, me: AgentId): Unsubscribe {
  const colleagues = new Set([...center.getSnapshot().agents.keys()].filter((id) => id !== me));
  [...colleagues].forEach((id, index) => {
    if (center.getSnapshot().agents.get(id)?.presence.status !== 'offline') return;
    center.agentCommand(id, {
      type: 'login',
      reason: startingReasons[index % startingReasons.length],
    });
  });

  /** Runs `step` later; a step the contact has moved past meanwhile is dropped. */
  const later = (delayMs: number, step: () => void) =>
    clock.setTimeout(() => {
      try {
        step();
      } catch {
        // The contact moved on meanwhile (the customer left, the agent transferred it).
      }
    }, delayMs);

  const offs = [
    center.events.on('contact.offered', ({ contactId, agentId }) => {
      if (!colleagues.has(agentId)) return;
      later(2 * SECOND, () => center.contactCommand(contactId, { type: 'accept', agentId }));
    }),
    center.events.on('contact.accepted', ({ contactId, agentId, state }) => {
      // A call needs its media up; chats and emails may be connected already (by the centre
      // or the chat gateway), in which case there is nothing to do.
      if (!colleagues.has(agentId) || state.status !== 'accepted') return;
      if (center.getSnapshot().contacts.get(contactId)?.status === 'accepted')
        center.contactCommand(contactId, { type: 'connect' });
    }),
    center.events.on('contact.connected', ({ contactId, agentId }) => {
      if (!colleagues.has(agentId)) return;
      later(90 * SECOND, () => center.contactCommand(contactId, { type: 'end' }));
    }),
    center.events.on('contact.wrapUpStarted', ({ contactId, agentId }) => {
      if (!colleagues.has(agentId)) return;
      later(10 * SECOND, () =>
        center.contactCommand(contactId, { type: 'complete', disposition: 'resolved' }),
      );
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
