import { customerSchema, type Contact, type Customer } from '@switchboard/core';
import { CrmError } from '../errors';
import { toE164, type DefaultCountry } from '../phone';
import { parseOrThrow } from '../validate';
import type { CrmCapabilities } from './capabilities';
import type { CrmAdapter, ReadOptions, ScreenPop, WriteOptions } from './crmAdapter';
import {
  interactionRecordSchema,
  loggedInteractionSchema,
  type InteractionRecord,
  type LoggedInteraction,
} from './interaction';
import { customerLookupSchema, type CustomerLookup } from './lookup';
import { crmNoteInputSchema, crmNoteSchema, type CrmNote, type CrmNoteDraft } from './note';
import {
  crmTicketChangesSchema,
  crmTicketInputSchema,
  crmTicketSchema,
  ticketQuerySchema,
  type CrmTicket,
  type CrmTicketChanges,
  type CrmTicketDraft,
} from './ticket';

/** A parsed {@link TicketQuery} (defaults applied). */
export interface TicketSearch {
  /** Only this customer's tickets. */
  readonly customerId?: string | undefined;
  /** Only tickets in these statuses. */
  readonly status?: readonly CrmTicket['status'][] | undefined;
  /** At most this many. */
  readonly limit: number;
}

/**
 * What an adapter implements: the vendor calls only. Inputs arrive validated with defaults
 * applied and phone numbers in E.164; results are validated on the way out.
 */
export interface CrmAdapterImplementation {
  /** The adapter's id. */
  readonly id: string;
  /** What the CRM supports; a missing method must be `false` here. */
  readonly capabilities: CrmCapabilities;
  /** The country of phone numbers written without `+`. */
  readonly defaultCountry?: DefaultCountry | undefined;
  /** Finds a customer (phone already in E.164). */
  readonly findCustomer: (lookup: CustomerLookup, options: ReadOptions) => Promise<Customer | null>;
  /** Creates or updates a customer. */
  readonly upsertCustomer?: (customer: Customer, options: WriteOptions) => Promise<Customer>;
  /** Lists a customer's interactions, newest first. */
  readonly getHistory?: (customerId: string, options: ReadOptions) => Promise<LoggedInteraction[]>;
  /** Logs an interaction. */
  readonly logInteraction?: (
    record: InteractionRecord,
    options: WriteOptions,
  ) => Promise<LoggedInteraction>;
  /** Creates a ticket. */
  readonly createTicket?: (draft: CrmTicketDraft, options: WriteOptions) => Promise<CrmTicket>;
  /** Updates a ticket. */
  readonly updateTicket?: (
    id: string,
    changes: CrmTicketChanges,
    options: WriteOptions,
  ) => Promise<CrmTicket>;
  /** Adds a note. */
  readonly addNote?: (draft: CrmNoteDraft, options: WriteOptions) => Promise<CrmNote>;
  /** Searches tickets. */
  readonly searchTickets?: (query: TicketSearch, options: ReadOptions) => Promise<CrmTicket[]>;
  /** A link to the customer's record in the CRM's UI. */
  readonly recordUrl?: (customerId: string) => string;
}

const openStatuses = ['new', 'open', 'pending', 'escalated'] as const;

function required<F>(method: F | undefined, adapter: string, name: string): F {
  if (method === undefined) {
    throw new CrmError('UNSUPPORTED', `The ${adapter} adapter cannot ${name}.`, {
      details: { adapter, operation: name },
    });
  }
  return method;
}

function checked<T>(schema: Parameters<typeof parseOrThrow<T>>[0], adapter: string) {
  return (value: unknown): T => parseOrThrow(schema, value, `${adapter} response`, 'BAD_RESPONSE');
}

/**
 * Wraps a vendor {@link CrmAdapterImplementation} into a {@link CrmAdapter}: validates every input
 * (zod), normalises phone numbers to E.164, validates every result, rejects operations the CRM
 * lacks with `UNSUPPORTED`, and builds the screen pop from lookup, history and open tickets.
 */
export function defineCrmAdapter(impl: CrmAdapterImplementation): CrmAdapter {
  const { id, capabilities } = impl;
  const customer = checked(customerSchema, id);
  const interaction = checked(loggedInteractionSchema, id);
  const ticket = checked(crmTicketSchema, id);
  const note = checked(crmNoteSchema, id);
  const maybe =
    <T>(check: (value: unknown) => T) =>
    (value: unknown) =>
      value === null ? null : check(value);

  const findCustomer = async (lookup: CustomerLookup, options: ReadOptions = {}) => {
    const parsed = parseOrThrow(customerLookupSchema, lookup, 'customer lookup');
    const normal =
      'phone' in parsed ? { phone: toE164(parsed.phone, impl.defaultCountry) } : parsed;
    return maybe(customer)(await impl.findCustomer(normal, options));
  };
  const getHistory = async (customerId: string, options: ReadOptions = {}) =>
    (await required(impl.getHistory, id, 'list history')(customerId, options)).map(interaction);
  const searchTickets = async (query: unknown, options: ReadOptions = {}) => {
    const parsed = parseOrThrow(ticketQuerySchema, query, 'ticket query');
    const run = required(impl.searchTickets, id, 'search tickets');
    return (await run(parsed, options)).map(ticket);
  };

  const pop = async (contact: Contact, options: ReadOptions = {}): Promise<ScreenPop> => {
    const known = contact.customer;
    const lookups: CustomerLookup[] = [];
    if (known.id !== undefined && capabilities.lookup.id) lookups.push({ id: known.id });
    if (known.phone !== undefined && capabilities.lookup.phone)
      lookups.push({ phone: known.phone });
    if (known.email !== undefined && capabilities.lookup.email)
      lookups.push({ email: known.email });
    let found: Customer | null = null;
    for (const lookup of lookups) {
      found = await findCustomer(lookup, options);
      if (found) break;
    }
    const foundId = found?.id;
    if (foundId === undefined) return { customer: found, history: [], openTickets: [], url: null };
    const [history, openTickets] = await Promise.all([
      capabilities.history ? getHistory(foundId, options) : [],
      capabilities.tickets
        ? searchTickets({ customerId: foundId, status: [...openStatuses] }, options)
        : [],
    ]);
    return { customer: found, history, openTickets, url: impl.recordUrl?.(foundId) ?? null };
  };

  return {
    id,
    capabilities,
    findCustomer,
    getHistory,
    searchTickets,
    screenPop: pop,
    async upsertCustomer(input, options = {}) {
      const parsed = parseOrThrow(customerSchema, input, 'customer');
      const normal =
        parsed.phone === undefined
          ? parsed
          : { ...parsed, phone: toE164(parsed.phone, impl.defaultCountry) };
      return customer(await required(impl.upsertCustomer, id, 'upsert customers')(normal, options));
    },
    async logInteraction(input, options = {}) {
      const record = parseOrThrow(interactionRecordSchema, input, 'interaction');
      if (record.endedAt < record.startedAt) {
        throw new CrmError(
          'VALIDATION_FAILED',
          'Invalid interaction at endedAt: before startedAt.',
          {
            issues: [{ path: ['endedAt'], message: 'before startedAt' }],
          },
        );
      }
      const log = required(impl.logInteraction, id, 'log interactions');
      return interaction(await log(record, options));
    },
    async createTicket(input, options = {}) {
      const draft = parseOrThrow(crmTicketInputSchema, input, 'ticket');
      return ticket(await required(impl.createTicket, id, 'create tickets')(draft, options));
    },
    async updateTicket(ticketId, changes, options = {}) {
      const parsed = parseOrThrow(crmTicketChangesSchema, changes, 'ticket changes');
      const update = required(impl.updateTicket, id, 'update tickets');
      return ticket(await update(ticketId, parsed, options));
    },
    async addNote(input, options = {}) {
      const draft = parseOrThrow(crmNoteInputSchema, input, 'note');
      return note(await required(impl.addNote, id, 'add notes')(draft, options));
    },
  };
}
