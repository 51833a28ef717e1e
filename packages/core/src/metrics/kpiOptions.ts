import type { Clock } from '../ports/clock';
import * as z from 'zod/mini';
import { defaultDispositions, dispositionSchema, type Disposition } from '../model/codes';
import type { Contact } from '../model/contact';
import { functionSchema, portSchema } from '../portSchemas';

const seconds = z.number().check(z.nonnegative());
const minutesPerDay = 24 * 60;
/** One half of FCR's key, read from a contact (`reasonOf`, `customerOf`). */
const contactKeySchema = functionSchema<(contact: Contact) => string | null>();

/** Validates {@link KpiEngineOptions}. */
export const kpiEngineOptionsSchema = z.object({
  /** Service-level threshold T in seconds: answered within T counts as in service level. */
  serviceLevelSeconds: z._default(seconds, 20),
  /** Per-queue thresholds (queue id to seconds), overriding `serviceLevelSeconds`. */
  serviceLevelSecondsByQueue: z._default(z.record(z.string(), seconds), {}),
  /** Abandons after less wait than this are short: left out of abandonment and service level. */
  shortAbandonSeconds: z._default(seconds, 5),
  /** A contact from the same customer for the same reason within this many days is a repeat. */
  fcrWindowDays: z._default(z.number().check(z.positive()), 7),
  /** How long after completion a contact still accepts a survey result. */
  surveyWindowDays: z._default(z.number().check(z.positive()), 7),
  /** Reporting interval length; must divide a day (5, 10, 15, 30, 60, ...). */
  intervalMinutes: z._default(
    z.int().check(
      z.positive(),
      z.refine((minutes) => minutesPerDay % minutes === 0, 'must divide a day (1440 minutes)'),
    ),
    15,
  ),
  /** Disposition codes; those marked `resolved` count for first-contact resolution. */
  dispositions: z._default(z.array(dispositionSchema), [...defaultDispositions]),
  /** Disposition codes that count as an escalation. */
  escalationDispositions: z._default(z.array(z.string()), ['escalated']),
  /** Keys FCR: the reason of a contact; `null` leaves it out of FCR. */
  reasonOf: z.optional(contactKeySchema),
  /** Keys FCR: who the customer of a contact is; `null` leaves it out of FCR. */
  customerOf: z.optional(contactKeySchema),
  /** Time source for live figures; the latest event's time when absent. */
  clock: z.optional(portSchema<Pick<Clock, 'now'>>(['now'], 'a clock with a now() method')),
});

/** Options of `createKpiEngine`; every field is optional. */
export interface KpiEngineOptions {
  /** Service-level threshold T in seconds (default 20). */
  readonly serviceLevelSeconds?: number;
  /** Per-queue service-level thresholds in seconds, by queue id. */
  readonly serviceLevelSecondsByQueue?: Readonly<Record<string, number>>;
  /** Abandons after less wait than this are short and left out (default 5). */
  readonly shortAbandonSeconds?: number;
  /** FCR repeat window in days (default 7). */
  readonly fcrWindowDays?: number;
  /** How many days after completion a survey result is accepted (default 7). */
  readonly surveyWindowDays?: number;
  /** Reporting interval in minutes; must divide a day (default 15). */
  readonly intervalMinutes?: number;
  /** Dispositions; `resolved` ones count for FCR (default: the centre's default dispositions). */
  readonly dispositions?: readonly Disposition[];
  /** Disposition codes that count as an escalation (default `['escalated']`). */
  readonly escalationDispositions?: readonly string[];
  /**
   * The reason that keys FCR, with the customer; `null` leaves the contact out of FCR.
   * Default: `contact.attributes.reason` when a string, else the queue id.
   */
  readonly reasonOf?: (contact: Contact) => string | null;
  /**
   * Who the customer is, the other half of FCR's key; `null` leaves the contact out of FCR.
   * Default: the customer's id, else phone, else email. A channel whose customers have none of
   * these (a social handle) keys them here.
   */
  readonly customerOf?: (contact: Contact) => string | null;
  /** Time source for live figures and window closing; the latest event's time when absent. */
  readonly clock?: Pick<Clock, 'now'>;
}

/** Options after validation and defaults. */
export type ResolvedKpiOptions = z.infer<typeof kpiEngineOptionsSchema>;

/** The default FCR reason: `attributes.reason` when it is a string, else the queue id. */
export function defaultReasonOf(contact: Contact): string | null {
  const { reason } = contact.attributes;
  return typeof reason === 'string' ? reason : contact.queueId;
}

/** Who the customer is, for FCR: their id, else phone, else email; `null` when unknown. */
export function customerKeyOf(contact: Contact): string | null {
  const { id, phone, email } = contact.customer;
  return id ?? phone ?? email ?? null;
}
