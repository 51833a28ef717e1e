import {
  silentLogger,
  type Contact,
  type Desk,
  type Logger,
  type Unsubscribe,
} from '@switchboard/core';
import type { CrmAdapter, ScreenPop } from '../model/crmAdapter';
import type { CrmNoteInput } from '../model/note';
import type { CrmTicketInput } from '../model/ticket';
import type { Outbox } from '../outbox/outboxTypes';
import { popSlot, type CrmPopState } from './popState';

/** Options of {@link bindCrm}. */
export interface BindCrmOptions {
  /**
   * Where writes go: an outbox (durable, retried, exactly once) or, when absent, straight to the
   * adapter (lost if the CRM is down: use an outbox in production).
   */
  readonly outbox?: Outbox;
  /** The summary logged with a finished contact (e.g. the agent's wrap-up notes); empty by default. */
  readonly summaryOf?: (contact: Contact) => string;
  /** Where failed pops and writes are reported. */
  readonly logger?: Logger;
}

/** What a CRM binding shows: the screen pop of each contact offered to or held by the agent. */
export interface CrmBindingSnapshot {
  /** Screen pops by contact id. */
  readonly pops: ReadonlyMap<string, CrmPopState>;
}

/** A desk bound to a CRM; see {@link bindCrm}. */
export interface CrmBinding {
  /** The pops; a new object when one changes. */
  getSnapshot(): CrmBindingSnapshot;
  /** Calls `listener` when the snapshot changes. */
  subscribe(listener: () => void): Unsubscribe;
  /** Creates a CRM ticket about a contact, for the customer its pop found. */
  createTicket(contactId: string, input: CrmTicketInput): Promise<void>;
  /** Adds a note in the CRM (on a ticket or customer). */
  addNote(input: CrmNoteInput): Promise<void>;
  /** Stops listening to the desk. */
  dispose(): void;
}

/** When a contact started and ended, from its status timestamps. */
function spanOf(contact: Contact, now: number): { startedAt: number; endedAt: number } {
  const t = contact.timestamps;
  const startedAt = t.connected ?? t.accepted ?? t.offered ?? contact.since;
  return { startedAt, endedAt: Math.max(startedAt, t.wrapUp ?? t.completed ?? now) };
}

/**
 * Binds a desk to a CRM: when a contact is offered to the agent its customer's record pops
 * (lookup by id, phone, then email; history and open tickets), and when the agent completes it
 * the interaction is logged with its disposition, once (its outbox key is `interaction:<id>`).
 * Ticket and note actions write through the same outbox.
 *
 * @example
 * ```ts
 * const crm = createMemoryCrm({ customers });
 * const binding = bindCrm(desk, crm, { outbox: createOutbox({ adapter: crm, storage }) });
 * binding.subscribe(() => render(binding.getSnapshot().pops));
 * ```
 */
export function bindCrm(desk: Desk, adapter: CrmAdapter, options: BindCrmOptions = {}): CrmBinding {
  const logger = options.logger ?? silentLogger;
  const { outbox } = options;
  const listeners = new Set<() => void>();
  const seen = new Map<string, Contact>();
  let snapshot: CrmBindingSnapshot = { pops: new Map() };

  const setPop = (contactId: string, state: CrmPopState | null) => {
    const pops = new Map(snapshot.pops);
    if (state) pops.set(contactId, state);
    else pops.delete(contactId);
    snapshot = { pops };
    for (const listener of [...listeners]) listener();
  };
  const contactOf = (contactId: string): Contact | undefined =>
    desk.center.getSnapshot().contacts.get(contactId) ?? seen.get(contactId);
  const write = async (
    kind: string,
    key: string | undefined,
    send: () => Promise<unknown>,
    entry: Parameters<Outbox['enqueue']>[0],
  ) => {
    try {
      if (outbox) await outbox.enqueue(entry, key === undefined ? {} : { key });
      else await send();
    } catch (error) {
      logger.error(`The CRM ${kind} failed`, { error });
      throw error;
    }
  };

  const offMany: Unsubscribe[] = [
    desk.events.on('contact.offered', ({ contactId }) => {
      const contact = contactOf(contactId);
      if (!contact) return;
      seen.set(contactId, contact);
      setPop(contactId, popSlot.loading());
      adapter.screenPop(contact).then(
        (pop: ScreenPop) => {
          if (snapshot.pops.has(contactId)) setPop(contactId, popSlot.ready(pop));
        },
        (error: unknown) => {
          logger.warn('The CRM screen pop failed', { error, contactId });
          if (snapshot.pops.has(contactId)) setPop(contactId, popSlot.failed(error));
        },
      );
    }),
    desk.events.on('contact.wrapUpStarted', ({ contactId }) => {
      const contact = contactOf(contactId);
      if (contact) seen.set(contactId, contact);
    }),
    desk.events.on('contact.completed', ({ contactId, disposition, at }) => {
      const contact = contactOf(contactId);
      const pop = snapshot.pops.get(contactId);
      seen.delete(contactId);
      setPop(contactId, null);
      const customerId =
        (pop?.status === 'ready' ? pop.pop.customer?.id : undefined) ?? contact?.customer.id;
      if (!contact || customerId === undefined) {
        logger.warn('No CRM customer for a completed contact: nothing logged', { contactId });
        return;
      }
      const record = {
        contactId,
        channel: contact.channel,
        direction: contact.direction,
        customerId,
        agentId: desk.agentId,
        ...spanOf(contact, at),
        disposition,
        summary: options.summaryOf?.(contact) ?? '',
        ...(contact.customer.phone ? { phone: contact.customer.phone } : {}),
      };
      const key = `interaction:${contactId}`;
      write('interaction log', key, () => adapter.logInteraction(record, { idempotencyKey: key }), {
        op: 'logInteraction',
        record,
      }).catch(() => undefined); // reported above
    }),
  ];

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    createTicket(contactId, input) {
      const pop = snapshot.pops.get(contactId);
      const customerId = pop?.status === 'ready' ? (pop.pop.customer?.id ?? null) : null;
      const ticket = { customerId, contactId, ...input };
      return write('ticket create', undefined, () => adapter.createTicket(ticket), {
        op: 'createTicket',
        ticket,
      });
    },
    addNote(note) {
      return write('note', undefined, () => adapter.addNote(note), { op: 'addNote', note });
    },
    dispose() {
      for (const off of offMany) off();
      listeners.clear();
    },
  };
}
