import {
  customerSchema,
  type Customer,
  type CustomerId,
  type Unsubscribe,
} from '@switchboard/core';
import type { CrmNoteDraft, CrmNote } from '../model/note';
import { CrmError } from '../errors';
import { toE164, type DefaultCountry } from '../phone';
import type { CrmAdapter, WriteOptions } from '../model/crmAdapter';
import { fullCapabilities } from '../model/capabilities';
import { defineCrmAdapter } from '../model/defineCrmAdapter';
import type { InteractionRecord, LoggedInteraction } from '../model/interaction';
import type { CrmTicket } from '../model/ticket';
import { parseOrThrow } from '../validate';

/** An interaction kept by the memory CRM, with the customer it belongs to. */
export interface MemoryInteraction extends LoggedInteraction {
  /** The customer's id. */
  readonly customerId: string;
  /** The Switchboard contact it logs. */
  readonly contactId: string;
}

/** A note kept by the memory CRM, with what it is attached to. */
export interface MemoryNote extends CrmNote {
  /** What it is attached to. */
  readonly target: CrmNoteDraft['target'];
  /** Who may see it. */
  readonly visibility: CrmNoteDraft['visibility'];
}

/** Everything the memory CRM holds; a new object after each write. */
export interface MemoryCrmState {
  /** Customers, in creation order. */
  readonly customers: readonly Customer[];
  /** Logged interactions, oldest first. */
  readonly interactions: readonly MemoryInteraction[];
  /** Tickets, in creation order. */
  readonly tickets: readonly CrmTicket[];
  /** Notes, oldest first. */
  readonly notes: readonly MemoryNote[];
}

/** Options of {@link createMemoryCrm}. */
export interface MemoryCrmOptions {
  /** Customers to start with (validated; phones normalised to E.164; ids given when absent). */
  readonly customers?: readonly unknown[];
  /** The country of phone numbers written without `+`. */
  readonly defaultCountry?: DefaultCountry;
}

/** The embedded CRM: a complete {@link CrmAdapter} in memory, observable for hosts and tests. */
export interface MemoryCrm extends CrmAdapter {
  /** Everything it holds; the same object until a write changes it. */
  getSnapshot(): MemoryCrmState;
  /** Calls `listener` after every write. */
  subscribe(listener: () => void): Unsubscribe;
}

/**
 * Creates the embedded {@link MemoryCrm}: the default adapter of the simulator and the examples,
 * and a stand-in for a real CRM in host tests. A write repeated with the same idempotency key
 * returns the first result and changes nothing.
 *
 * @example
 * ```ts
 * const crm = createMemoryCrm({ customers: [{ name: 'Grace', phone: '+44 20 7946 0018' }] });
 * const grace = await crm.findCustomer({ phone: '+442079460018' });
 * ```
 */
export function createMemoryCrm(options: MemoryCrmOptions = {}): MemoryCrm {
  const { defaultCountry } = options;
  let state: MemoryCrmState = { customers: [], interactions: [], tickets: [], notes: [] };
  const listeners = new Set<() => void>();
  const done = new Map<string, unknown>();
  let sequence = 0;
  const nextId = (prefix: string) => `${prefix}-${String(++sequence)}`;

  const commit = (next: Partial<MemoryCrmState>) => {
    state = { ...state, ...next };
    for (const listener of [...listeners]) listener();
  };
  /** Runs `write` once per idempotency key; a repeat returns the first result. */
  const once = <T>(options: WriteOptions, write: () => T): Promise<T> => {
    const key = options.idempotencyKey;
    if (key !== undefined && done.has(key)) return Promise.resolve(done.get(key) as T);
    const result = write();
    if (key !== undefined) done.set(key, result);
    return Promise.resolve(result);
  };
  const ticketById = (id: string) => {
    const ticket = state.tickets.find((candidate) => candidate.id === id);
    if (!ticket) throw new CrmError('NOT_FOUND', `No ticket ${id}.`, { details: { id } });
    return ticket;
  };
  const store = (customer: Customer): Customer => {
    const known =
      state.customers.find((c) => customer.id !== undefined && c.id === customer.id) ??
      state.customers.find((c) => customer.email !== undefined && c.email === customer.email) ??
      state.customers.find((c) => customer.phone !== undefined && c.phone === customer.phone);
    const merged: Customer = known
      ? {
          ...known,
          ...customer,
          id: known.id,
          attributes: { ...known.attributes, ...customer.attributes },
        }
      : { ...customer, id: customer.id ?? (nextId('customer') as CustomerId) };
    commit({
      customers: known
        ? state.customers.map((c) => (c === known ? merged : c))
        : [...state.customers, merged],
    });
    return merged;
  };

  for (const input of options.customers ?? []) {
    const customer = parseOrThrow(customerSchema, input, 'customer');
    store(
      customer.phone === undefined
        ? customer
        : { ...customer, phone: toE164(customer.phone, defaultCountry) },
    );
  }

  const adapter = defineCrmAdapter({
    id: 'memory',
    capabilities: fullCapabilities('local', true),
    defaultCountry,
    findCustomer(lookup) {
      const match = state.customers.find((customer) =>
        'phone' in lookup
          ? customer.phone === lookup.phone
          : 'email' in lookup
            ? customer.email?.toLowerCase() === lookup.email.toLowerCase()
            : customer.id === lookup.id,
      );
      return Promise.resolve(match ?? null);
    },
    upsertCustomer: (customer, options) => once(options, () => store(customer)),
    getHistory: (customerId) =>
      Promise.resolve(
        state.interactions
          .filter((interaction) => interaction.customerId === customerId)
          .sort((a, b) => b.at - a.at),
      ),
    logInteraction: (record: InteractionRecord, options) =>
      once(options, () => {
        const logged: MemoryInteraction = {
          id: nextId('interaction'),
          customerId: record.customerId,
          contactId: record.contactId,
          channel: record.channel,
          direction: record.direction,
          at: record.startedAt,
          durationMs: record.endedAt - record.startedAt,
          disposition: record.disposition,
          summary: record.summary,
        };
        commit({ interactions: [...state.interactions, logged] });
        return logged;
      }),
    createTicket: (draft, options) =>
      once(options, () => {
        const ticket: CrmTicket = {
          id: nextId('ticket'),
          subject: draft.subject,
          description: draft.description,
          status: draft.status,
          priority: draft.priority,
          customerId: draft.customerId,
        };
        commit({ tickets: [...state.tickets, ticket] });
        return ticket;
      }),
    updateTicket: (id, changes, options) =>
      once(options, () => {
        const current = ticketById(id);
        const updated: CrmTicket = {
          ...current,
          ...(changes.subject === undefined ? {} : { subject: changes.subject }),
          ...(changes.description === undefined ? {} : { description: changes.description }),
          ...(changes.status === undefined ? {} : { status: changes.status }),
          ...(changes.priority === undefined ? {} : { priority: changes.priority }),
        };
        commit({ tickets: state.tickets.map((t) => (t === current ? updated : t)) });
        return updated;
      }),
    addNote: (draft, options) =>
      once(options, () => {
        if (draft.target.kind === 'ticket') ticketById(draft.target.id);
        const note: MemoryNote = {
          id: nextId('note'),
          body: draft.body,
          target: draft.target,
          visibility: draft.visibility,
        };
        commit({ notes: [...state.notes, note] });
        return note;
      }),
    searchTickets: (query) =>
      Promise.resolve(
        state.tickets
          .filter((t) => query.customerId === undefined || t.customerId === query.customerId)
          .filter((t) => query.status === undefined || query.status.includes(t.status))
          .reverse()
          .slice(0, query.limit),
      ),
  });

  return {
    ...adapter,
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
