import { channelSchema, customerIdSchema } from '@switchboard/core';
import * as z from 'zod/mini';

/** Validates an {@link InteractionRecord}. */
export const interactionRecordSchema = z.object({
  /** The Switchboard contact this record logs (its id doubles as the idempotency key). */
  contactId: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The channel it took place on. */
  channel: channelSchema,
  /** Inbound or outbound. */
  direction: z._default(z.enum(['inbound', 'outbound']), 'inbound'),
  /** The customer's id in this CRM. */
  customerId: customerIdSchema,
  /** The agent who handled it, if any. */
  agentId: z._default(z.nullable(z.string().check(z.minLength(1))), null),
  /** When it started (ms since epoch). */
  startedAt: z.number().check(z.nonnegative()),
  /** When it ended (ms since epoch); not before `startedAt`. */
  endedAt: z.number().check(z.nonnegative()),
  /** The disposition code recorded at wrap-up, mapped to the vendor's picklist by the adapter. */
  disposition: z._default(z.nullable(z.string().check(z.minLength(1))), null),
  /** What happened, in words (notes taken at wrap-up). */
  summary: z._default(z.string().check(z.maxLength(60_000)), ''),
  /** The phone number dialled or calling, for voice. */
  phone: z.optional(z.string()),
});
/** One finished contact to log in the CRM (a call, chat, email, message thread or callback). */
export type InteractionRecord = z.infer<typeof interactionRecordSchema>;
/** What a host passes to log an interaction (defaults not yet applied). */
export type InteractionInput = z.input<typeof interactionRecordSchema>;

/** Validates a {@link LoggedInteraction}. */
export const loggedInteractionSchema = z.object({
  /** The record's id in the CRM (call, task, activity or comment id). */
  id: z.string().check(z.minLength(1)),
  /** The channel it took place on. */
  channel: channelSchema,
  /** Inbound or outbound. */
  direction: z.enum(['inbound', 'outbound']),
  /** When it started (ms since epoch). */
  at: z.number(),
  /** How long it lasted, in ms. */
  durationMs: z.number().check(z.nonnegative()),
  /** The disposition code (ours, mapped back from the vendor's), if any. */
  disposition: z.nullable(z.string()),
  /** What happened, in words. */
  summary: z.string(),
});
/** An interaction as the CRM keeps it; {@link CrmAdapter.getHistory} lists them. */
export type LoggedInteraction = z.infer<typeof loggedInteractionSchema>;
