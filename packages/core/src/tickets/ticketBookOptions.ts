import * as z from 'zod/mini';
import type { Clock } from '../ports/clock';
import type { CallingPolicy } from '../privacy/callingPolicy';
import type { Redactor } from '../privacy/redactionTypes';
import type { Logger } from '../ports/logger';
import type { Validator } from '../validation';
import type { EscalationLevel, EscalationRule } from './escalation';
import type { NoteTemplate } from './noteTemplate';
import { resolutionStepSchema } from './ticket';
import type { TicketBookState } from './ticketBookState';
import type { TicketBookEvent } from './ticketEvents';

/** Options of {@link createTicketBook}. All are optional. */
export interface TicketBookOptions<F extends object = Record<string, unknown>> {
  /** Time source for timestamps and follow-up timers; the system clock by default. */
  readonly clock?: Clock;
  /** Where contained failures (throwing listeners) are reported. */
  readonly logger?: Logger;
  /**
   * The host's custom fields, as a zod or zod/mini object schema. The merged fields are validated
   * on every create and update; a refused write changes nothing. Any record by default.
   */
  readonly customFields?: Validator<F>;
  /** Note templates besides the built-in `standard` one (same id replaces it). */
  readonly noteTemplates?: readonly NoteTemplate[];
  /** The escalation ladder and the rules that call for escalation. */
  readonly escalation?: {
    /** Levels, lowest first; `defaultEscalationLevels` by default. */
    readonly levels?: readonly EscalationLevel[];
    /** Criteria that call for escalation, checked by `evaluateEscalation`. */
    readonly rules?: readonly EscalationRule<F>[];
  };
  /** How long after its due time an open follow-up becomes overdue; 1 hour by default. */
  readonly followUpGraceMs?: number;
  /** Makes ids for tickets, notes and follow-ups; `crypto.randomUUID` by default. */
  readonly createId?: () => string;
  /**
   * The state to start from, e.g. one restored by `@switchboard/core/history`; empty by default.
   * The timers of its open follow-ups are re-armed on the clock (a passed due time fires at once).
   */
  readonly initialState?: TicketBookState<F>;
  /**
   * Receives every committed batch of events, in order, before listeners hear of them: where a
   * history log appends. It must not throw (a throw is reported to the logger).
   */
  readonly journal?: (events: readonly TicketBookEvent[]) => void;
  /**
   * Masks personal data in note fields before they are stored (a redactor from
   * `@switchboard/core/privacy`); notes are stored as written when absent.
   */
  readonly redactor?: Pick<Redactor, 'redactFields'>;
  /** Dot paths inside a note's fields that the `redactor` masks; every string by default. */
  readonly redactNoteFields?: readonly string[];
  /**
   * Calling hours and do-not-call list for callback follow-ups (`createCallingPolicy` from
   * `@switchboard/core/privacy`): a callback due outside the customer's hours moves to the next
   * allowed time; one to a do-not-call number is refused with `CALL_NOT_ALLOWED`.
   */
  readonly callingPolicy?: Pick<CallingPolicy, 'check'>;
}

/** Validates the plain parts of {@link TicketBookOptions}. */
export const ticketBookSettingsSchema = z.object({
  /** Grace before a follow-up is overdue, ms. */
  followUpGraceMs: z._default(z.number().check(z.minimum(0)), 3_600_000),
});

/** Validates {@link EscalateInput}. */
export const escalateInputSchema = z.object({
  /** Why, in words. */
  reason: z.string().check(z.minLength(1), z.maxLength(2000)),
  /** The level to go to; the next one up when absent. */
  toLevel: z.optional(z.string().check(z.minLength(1))),
  /** Who takes the ticket; the level's assignee when absent (or nobody, for its team). */
  assignee: z.optional(z.string().check(z.minLength(1))),
  /** The escalation rule that called for it, from `evaluateEscalation`. */
  ruleId: z.optional(z.string()),
});
/** What a host passes to escalate a ticket. */
export type EscalateInput = z.input<typeof escalateInputSchema>;

/** Validates {@link StepInput}. */
export const stepInputSchema = z.object({
  /** The step of the resolution procedure. */
  step: resolutionStepSchema,
  /** What was done or found. */
  summary: z._default(z.string().check(z.maxLength(10_000)), ''),
});
/** What a host passes to complete a step of the resolution procedure. */
export type StepInput = z.input<typeof stepInputSchema>;

/** Validates the contact passed to `createFromContact` (any contact of the centre fits). */
export const contactRefSchema = z.object({
  /** The contact's id. */
  id: z.string().check(z.minLength(1)),
  /** Its channel, used in the default subject. */
  channel: z.optional(z.string()),
  /** Its customer, copied onto the ticket. */
  customer: z.optional(z.unknown()),
  /** Its attributes; a string `subject` becomes the default subject. */
  attributes: z.optional(z.record(z.string(), z.unknown())),
});
/** The part of a contact that `createFromContact` reads. */
export type ContactRef = z.input<typeof contactRefSchema>;
