import { enablePatches } from 'immer';
import { SwitchboardError } from '../errors';
import { createEventBus } from '../events/eventBus';
import type { Customer } from '../model/customer';
import { customerSchema } from '../model/customer';
import { systemClock } from '../ports/clock';
import { silentLogger } from '../ports/logger';
import { createStore } from '../store/store';
import { parseInput, type Validator } from '../validation';
import { actorSchema, type Actor } from './actor';
import {
  defaultEscalationLevels,
  escalationLevelSchema,
  evaluateEscalationRules,
} from './escalation';
import { followUpInputSchema, type FollowUp } from './followUp';
import { createFollowUpTimers } from './followUpTimers';
import { noteEditSchema, noteInputSchema, noteTargetSchema, type Note } from './note';
import { decideAddNote, decideEditNote, templateOf } from './noteDecide';
import { standardNoteTemplate, type NoteTemplate } from './noteTemplate';
import { ticketChangesSchema, ticketInputSchema, type Ticket } from './ticket';
import type { TicketBook } from './ticketBook';
import {
  contactRefSchema,
  escalateInputSchema,
  stepInputSchema,
  ticketBookSettingsSchema,
  type TicketBookOptions,
} from './ticketBookOptions';
import { emptyTicketBookState, reduceTicketBook, type TicketBookState } from './ticketBookState';
import {
  decideCompleteStep,
  decideEscalate,
  decideTransition,
  decideUpdate,
  emptyProcedure,
  type TicketDecisionContext,
} from './ticketDecide';
import type { CustomerErasedEvent, TicketBookEvent } from './ticketEvents';
import { customerDataRequestSchema, exportCustomerData, findCustomerRecords } from './customerData';
import { followUpIdSchema, noteIdSchema, ticketIdSchema, type FollowUpId } from './ticketIds';
import { ticketStatuses } from './ticketStatus';
import { emitWithState, notFound } from './ticketBookSupport';
import { historyEntries } from './ticketHistory';
import * as z from 'zod/mini';

const anyFields: Validator<Record<string, unknown>> = z.record(z.string(), z.unknown());
const statusSchema = z.enum(ticketStatuses);

/**
 * Creates a {@link TicketBook}: tickets with a status workflow, custom fields, escalation and
 * full history; notes with templates; follow-ups on the injected clock.
 *
 * @example
 * ```ts
 * const book = createTicketBook({ customFields: z.object({ orderId: z.optional(z.string()) }) });
 * const ada = { id: 'ada', roles: ['agent'] } as const;
 * const ticket = book.createTicket({ subject: 'Parcel lost', priority: 'high' }, ada);
 * book.transition(ticket.id, 'open', ada);
 * ```
 */
export function createTicketBook<F extends object = Record<string, unknown>>(
  options: TicketBookOptions<F> = {},
): TicketBook<F> {
  enablePatches();
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const createId = options.createId ?? (() => globalThis.crypto.randomUUID());
  const settings = parseInput(ticketBookSettingsSchema, options, 'ticket book options');
  const customFields = (options.customFields ?? anyFields) as Validator<Record<string, unknown>>;
  const levels = (options.escalation?.levels ?? defaultEscalationLevels).map((level) =>
    parseInput(escalationLevelSchema, level, 'escalation level'),
  );
  if (levels.length === 0 || new Set(levels.map((level) => level.id)).size !== levels.length) {
    throw new SwitchboardError(
      'VALIDATION_FAILED',
      'Escalation levels must be unique and non-empty.',
      {
        issues: [{ path: ['escalation', 'levels'], message: 'unique, at least one' }],
      },
    );
  }
  const rules = options.escalation?.rules ?? [];
  const noteTemplates = new Map<string, NoteTemplate>([
    [standardNoteTemplate.id, standardNoteTemplate],
  ]);
  for (const template of options.noteTemplates ?? []) noteTemplates.set(template.id, template);

  const bus = createEventBus<Record<string, unknown>>((error, event) => {
    logger.error(`A listener of ${event} threw`, { error });
  });
  const store = createStore<TicketBookState, TicketBookEvent>(
    {
      initial: (options.initialState as TicketBookState | undefined) ?? emptyTicketBookState,
      reduce: reduceTicketBook,
      historyLimit: 0,
    },
    (error) => {
      logger.error('A ticket book subscriber threw', { error });
    },
  );
  const timers = createFollowUpTimers(clock, settings.followUpGraceMs, {
    due: (id) => {
      commit([{ type: 'followUp.due', at: clock.now(), followUpId: id }]);
    },
    overdue: (id) => {
      commit([{ type: 'followUp.overdue', at: clock.now(), followUpId: id }]);
    },
  });
  for (const followUp of store.getSnapshot().followUps.values()) timers.resume(followUp);
  let disposed = false;
  const { journal, redactor, callingPolicy } = options;
  const redactNote = redactor
    ? (fields: Record<string, unknown>) => redactor.redactFields(fields, options.redactNoteFields)
    : undefined;

  function commit(events: readonly TicketBookEvent[]): TicketBookState {
    if (events.length === 0) return store.getSnapshot();
    const state = store.apply(events);
    try {
      journal?.(events);
    } catch (error) {
      logger.error('The ticket book journal threw', { error });
    }
    for (const event of events) emitWithState(bus.emit, event, state);
    return state;
  }

  const parseCustomFields = (fields: Record<string, unknown>) =>
    parseInput(customFields, fields, 'custom fields');

  function begin(actor: Actor): TicketDecisionContext & { actor: Actor } {
    if (disposed) throw new SwitchboardError('DISPOSED', 'The ticket book was disposed.');
    return {
      now: clock.now(),
      actor: parseInput(actorSchema, actor, 'actor'),
      levels,
      parseCustomFields,
    };
  }

  const ticketOf = (id: string): Ticket =>
    store.getSnapshot().tickets.get(id) ?? notFound('ticket', id);

  function newId<T>(schema: Validator<T>, given?: string): T {
    const id = parseInput(schema, given ?? createId(), 'id');
    const state = store.getSnapshot();
    if (
      state.tickets.has(id as string) ||
      state.notes.has(id as string) ||
      state.followUps.has(id as string)
    ) {
      throw new SwitchboardError('ALREADY_EXISTS', `The id "${String(id)}" is taken.`, {
        details: { id },
      });
    }
    return id;
  }

  function createTicket(input: unknown, actor: Actor): Ticket<F> {
    const context = begin(actor);
    const parsed = parseInput(ticketInputSchema, input, 'ticket');
    const id = newId(ticketIdSchema, parsed.id);
    const ticket: Ticket = {
      ...parsed,
      id,
      status: 'new',
      customFields: parseCustomFields(parsed.customFields),
      level: levels[0]?.id ?? 'agent',
      escalations: [],
      procedure: emptyProcedure(),
      createdBy: context.actor.id,
      createdAt: context.now,
      updatedAt: context.now,
      statusSince: context.now,
    };
    commit([{ type: 'ticket.created', at: context.now, actor: context.actor, ticket }]);
    return ticketOf(id) as Ticket<F>;
  }

  function change(
    ticketId: string,
    actor: Actor,
    decide: (ticket: Ticket, context: TicketDecisionContext) => readonly TicketBookEvent[],
  ): Ticket<F> {
    const context = begin(actor);
    commit(decide(ticketOf(ticketId), context));
    return ticketOf(ticketId) as Ticket<F>;
  }

  function noteOf(id: string): Note {
    return store.getSnapshot().notes.get(id) ?? notFound('note', id);
  }

  function followUpOf(id: string): FollowUp {
    return store.getSnapshot().followUps.get(id) ?? notFound('follow-up', id);
  }

  /** A callback's due time moved into calling hours; `CALL_NOT_ALLOWED` for a do-not-call number. */
  function callableDueAt(call: FollowUp['call'], dueAt: number): number {
    if (!call || !callingPolicy) return dueAt;
    const decision = callingPolicy.check(call, dueAt);
    if (decision.allowed) return dueAt;
    if (decision.nextAllowedAt === null) {
      throw new SwitchboardError(
        'CALL_NOT_ALLOWED',
        'The callback number is on the do-not-call list.',
        {
          details: { reason: decision.reason },
        },
      );
    }
    return decision.nextAllowedAt;
  }

  function assertTarget(target: Note['target']) {
    if (target.kind === 'ticket') ticketOf(target.id);
  }

  return {
    getSnapshot: () => store.getSnapshot() as TicketBookState<F>,
    subscribe: store.subscribe,
    events: { on: bus.on, once: bus.once, onAny: bus.onAny } as TicketBook<F>['events'],
    levels,
    noteTemplates,
    createTicket,
    createFromContact(contact, input, actor) {
      const ref = parseInput(contactRefSchema, contact, 'contact');
      const customer =
        ref.customer === undefined
          ? null
          : parseInput<Customer>(customerSchema, ref.customer, 'customer');
      const subject = ref.attributes?.['subject'];
      return createTicket(
        {
          subject:
            typeof subject === 'string' && subject !== ''
              ? subject
              : `${ref.channel ?? 'contact'} ${ref.id}`,
          customer,
          ...input,
          contactIds: [ref.id, ...(input.contactIds ?? []).filter((id) => id !== ref.id)],
        },
        actor,
      );
    },
    update: (ticketId, changes, actor) =>
      change(ticketId, actor, (ticket, context) =>
        decideUpdate(ticket, parseInput(ticketChangesSchema, changes, 'ticket changes'), context),
      ),
    transition: (ticketId, status, actor) =>
      change(ticketId, actor, (ticket, context) =>
        decideTransition(ticket, parseInput(statusSchema, status, 'status'), context),
      ),
    escalate: (ticketId, input, actor) =>
      change(ticketId, actor, (ticket, context) =>
        decideEscalate(ticket, parseInput(escalateInputSchema, input, 'escalation'), context),
      ),
    completeStep: (ticketId, input, actor) =>
      change(ticketId, actor, (ticket, context) => {
        const { step, summary } = parseInput(stepInputSchema, input, 'step');
        return decideCompleteStep(ticket, step, summary, context);
      }),
    evaluateEscalation: (ticketId) =>
      evaluateEscalationRules(rules, { ticket: ticketOf(ticketId) as Ticket<F>, now: clock.now() }),
    history: (ticketId) => {
      ticketOf(ticketId);
      return historyEntries(store.getSnapshot().history.get(ticketId));
    },
    addNote(input, actor) {
      const { actor: who, now } = begin(actor);
      const parsed = parseInput(noteInputSchema, input, 'note');
      assertTarget(parsed.target);
      const id = newId(noteIdSchema);
      const template = templateOf(noteTemplates, parsed.template);
      commit(decideAddNote(id, parsed, template, who, now, redactNote));
      return noteOf(id);
    },
    editNote(noteId, edit, actor) {
      const { actor: who, now } = begin(actor);
      const note = noteOf(noteId);
      const parsed = parseInput(noteEditSchema, edit, 'note edit');
      const template = templateOf(noteTemplates, note.template);
      commit(decideEditNote(note, parsed, template, who, now, redactNote));
      return noteOf(noteId);
    },
    notesOf(target) {
      const { kind, id } = parseInput(noteTargetSchema, target, 'note target');
      return [...store.getSnapshot().notes.values()]
        .filter((note) => note.target.kind === kind && note.target.id === id)
        .sort((a, b) => a.createdAt - b.createdAt);
    },
    scheduleFollowUp(input, actor) {
      const { actor: who, now } = begin(actor);
      const parsed = parseInput(followUpInputSchema, input, 'follow-up');
      assertTarget(parsed.target);
      const id: FollowUpId = newId(followUpIdSchema);
      const dueAt = callableDueAt(parsed.call, parsed.dueAt);
      const followUp: FollowUp = {
        id,
        target: parsed.target,
        dueAt,
        description: parsed.description,
        assignee: parsed.assignee ?? who.id,
        status: 'scheduled',
        createdBy: who.id,
        createdAt: now,
        completedAt: null,
        ...(parsed.call ? { call: parsed.call } : {}),
      };
      commit([{ type: 'followUp.scheduled', at: now, actor: who, followUp }]);
      timers.schedule(id, dueAt);
      return followUpOf(id);
    },
    completeFollowUp(followUpId, actor) {
      const { actor: who, now } = begin(actor);
      const followUp = followUpOf(followUpId);
      if (followUp.status === 'completed') {
        throw new SwitchboardError(
          'INVALID_TRANSITION',
          `Follow-up ${followUpId} is already completed.`,
          {
            details: { followUpId, status: followUp.status },
          },
        );
      }
      timers.cancel(followUp.id);
      commit([{ type: 'followUp.completed', at: now, actor: who, followUpId: followUp.id }]);
      return followUpOf(followUpId);
    },
    exportCustomer: (request) =>
      exportCustomerData(
        store.getSnapshot(),
        parseInput(customerDataRequestSchema, request, 'customer data request'),
      ),
    eraseCustomer(request, actor) {
      const { actor: who, now } = begin(actor);
      const parsed = parseInput(customerDataRequestSchema, request, 'customer data request');
      const records = findCustomerRecords(store.getSnapshot(), parsed);
      const event: CustomerErasedEvent = {
        type: 'customer.erased',
        at: now,
        actor: who,
        tombstone: `erased-${createId()}`,
        ...records,
      };
      commit([event]);
      return event;
    },
    dispose() {
      disposed = true;
      timers.clear();
    },
  };
}
