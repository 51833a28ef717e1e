import type { ContactId, SwitchboardEvents } from '@switchboard/core';
import type { Scenario } from './scenario';
import type { TimelineRecorder } from './timeline';
import type { SimWorld } from './world';

/** The customer hangs up: frozen and kept, so the centre validates it once (see agentBehaviour.ts). */
const abandon = Object.freeze({ type: 'abandon' as const });

/** What a simulated contact will need, drawn as it arrives. */
export interface ContactNeeds {
  /** Connected to end of conversation, ms. */
  readonly handleMs: number;
  /** After-contact work, ms. */
  readonly wrapUpMs: number;
  /** The disposition the agent records. */
  readonly disposition: string;
  /** The customer's survey score, or `null` when they will not answer one. */
  readonly surveyScore: number | null;
}

/** A new contact's draws: when its customer gives up waiting, and what it will need. */
export interface ContactDraws {
  /** How long the customer waits before hanging up, ms, or `null` for as long as it takes. */
  readonly patienceMs: number | null;
  /** What the contact will need once an agent has it. */
  readonly needs: ContactNeeds;
}

/** What only the simulator counts of the contacts: arrivals, outcomes, events and surveys. */
export interface ContactCounts {
  /** Contacts arrived. */
  arrived: number;
  /** Contacts completed, abandoned or failed. */
  finished: number;
  /** Wrap-ups the centre completed on its own at the wrap-up limit (no disposition). */
  autoCompleted: number;
  /** Domain events the centre emitted. */
  events: number;
  /** Survey results recorded. */
  surveys: number;
}

/** The simulator's book of contacts, from arrival to completion or abandonment. */
export interface ContactLog {
  /** The running counts. */
  readonly counts: ContactCounts;
  /** Arrivals per queue id. */
  readonly arrivedBy: ReadonlyMap<string, number>;
  /** What each contact in progress will need. */
  readonly needsOf: (id: ContactId) => ContactNeeds | undefined;
  /** Books a new contact of `queue`: what it needs, and when its customer gives up waiting. */
  readonly admit: (queue: Scenario['queues'][number], id: ContactId, draws: ContactDraws) => void;
  /** Contacts waiting in a queue right now. */
  readonly queuedNow: () => number;
}

/**
 * Keeps the book of a run's contacts: counts the centre's events, records the surveys of
 * completed contacts in the KPI engine, and abandons a contact when its customer's patience runs
 * out while it still waits.
 */
export function createContactLog(world: SimWorld, recorder: TimelineRecorder): ContactLog {
  const { center, clock, agenda, kpis, contactOf } = world;
  const counts: ContactCounts = {
    arrived: 0,
    finished: 0,
    autoCompleted: 0,
    events: 0,
    surveys: 0,
  };
  const arrivedBy = new Map<string, number>();
  /** What each contact in progress will need, drawn as it arrives. */
  const needsOf = new Map<ContactId, ContactNeeds>();
  /** Contacts arrived and not yet completed, abandoned or failed. */
  const inProgress = new Set<ContactId>();
  // onAny listeners run after the named ones, in subscription order: this one after the engine's,
  // so a completed contact is known to the engine when its survey is recorded.
  center.events.onAny((name, payload) => {
    counts.events += 1;
    if (name !== 'contact.completed') return;
    const { contactId, state } = payload as SwitchboardEvents['contact.completed'];
    const score = needsOf.get(contactId)?.surveyScore ?? null;
    needsOf.delete(contactId);
    if (state.timestamps.connected === undefined || score === null) return;
    kpis.recordSurvey({ contactId, score });
    counts.surveys += 1;
  });
  center.events.on('contact.completed', ({ contactId, disposition }) => {
    inProgress.delete(contactId);
    counts.finished += 1;
    if (disposition === null) counts.autoCompleted += 1;
  });
  center.events.on('contact.abandoned', ({ contactId }) => {
    inProgress.delete(contactId);
    needsOf.delete(contactId);
    counts.finished += 1;
  });
  center.events.on('contact.failed', ({ contactId }) => {
    inProgress.delete(contactId);
    needsOf.delete(contactId);
    counts.finished += 1;
  });
  return {
    counts,
    arrivedBy,
    needsOf: (id) => needsOf.get(id),
    admit: (queue, contactId, { patienceMs, needs }) => {
      counts.arrived += 1;
      arrivedBy.set(queue.id, (arrivedBy.get(queue.id) ?? 0) + 1);
      recorder.arrival(queue.channel, clock.now());
      inProgress.add(contactId);
      needsOf.set(contactId, needs);
      if (patienceMs !== null) {
        agenda.at(clock.now() + patienceMs, () => {
          const status = contactOf(contactId)?.status;
          if (status === 'queued' || status === 'offered') {
            center.contactCommand(contactId, abandon);
          }
        });
      }
    },
    // Looks only at the contacts in progress: scanning every contact of a long run at every
    // interval would grow with the square of its length.
    queuedNow: () => {
      let queued = 0;
      for (const id of inProgress) if (contactOf(id)?.status === 'queued') queued += 1;
      return queued;
    },
  };
}
