import * as z from 'zod/mini';

/** Validates a {@link ReasonCode}. */
export const reasonCodeSchema = z.object({
  /** Stable code, e.g. `break`. */
  code: z.string().check(z.minLength(1)),
  /** Label for people. */
  label: z.string().check(z.minLength(1)),
  /** Whether time in this reason counts as productive for utilisation (training, after-call work). */
  productive: z._default(z.boolean(), false),
});
/** Why an agent is not ready. */
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

/** Reason codes every centre starts with; hosts add their own. */
export const defaultReasonCodes: readonly ReasonCode[] = [
  { code: 'break', label: 'Break', productive: false },
  { code: 'lunch', label: 'Lunch', productive: false },
  { code: 'training', label: 'Training', productive: true },
  { code: 'meeting', label: 'Meeting', productive: true },
  { code: 'afterCallWork', label: 'After-call work', productive: true },
  { code: 'missedOffers', label: 'Missed offers', productive: false },
];

/** Validates a {@link Disposition}. */
export const dispositionSchema = z.object({
  /** Stable code, e.g. `resolved`. */
  code: z.string().check(z.minLength(1)),
  /** Label for people. */
  label: z.string().check(z.minLength(1)),
  /** Whether the customer's issue counts as resolved (first-contact resolution). */
  resolved: z._default(z.boolean(), false),
});
/** The outcome an agent records when wrapping up a contact. */
export type Disposition = z.infer<typeof dispositionSchema>;

/** Dispositions every centre starts with; hosts add their own. */
export const defaultDispositions: readonly Disposition[] = [
  { code: 'resolved', label: 'Resolved', resolved: true },
  { code: 'followUp', label: 'Follow-up needed', resolved: false },
  { code: 'escalated', label: 'Escalated', resolved: false },
  { code: 'noAnswer', label: 'No answer', resolved: false },
];
