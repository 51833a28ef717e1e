import {
  channelSchema,
  type CallbackOffered,
  type ContactCenter,
  functionSchema,
} from '@switchboard/core';
import * as z from 'zod/mini';

/** What the channel asks a waiting customer: would they like a callback instead of waiting? */
export interface CallbackQuestion {
  /** The waiting contact. */
  readonly contactId: string;
  /** Why it is asked: the queue closed, the wait passed its maximum, an escalation step, or `agent` (asked by hand). */
  readonly reason: CallbackOffered['reason'] | 'agent';
  /** The number the centre knows for the customer, if any. */
  readonly phone: string | null;
}

/** The customer's reply. */
export interface CallbackReply {
  /** Whether they want a callback. */
  readonly accepted: boolean;
  /** The number to call, if not the known one. */
  readonly phone?: string;
}

/** A callback this desk accepted, for the dialler to call. */
export interface CallbackCall {
  /** The callback contact. */
  readonly contactId: string;
  /** The number to call. */
  readonly phone: string;
  /** The customer's time zone, if known. */
  readonly timeZone: string | null;
}

/**
 * The centre as the callback offer needs it: its events and its contact commands. A
 * `ContactCenter` fits as it is; a server host passes its own.
 */
export type CallbackCenter = Pick<ContactCenter, 'getSnapshot' | 'contactCommand'> & {
  /** The centre's event bus. */
  readonly events: Pick<ContactCenter['events'], 'on'>;
};

/** The auto-answer plugin's configuration. */
export const autoAnswerConfigSchema = z.object({
  /** The channels whose offers are accepted by themselves, each after an optional delay. */
  channels: z._default(
    z.array(
      z.object({
        /** The channel (`callback` for callbacks routed to this agent). */
        channel: channelSchema,
        /** How long after the offer to accept, in ms; the whisper tone plays meanwhile. */
        delayMs: z._default(z.number().check(z.nonnegative()), 0),
      }),
    ),
    [],
  ),
  /** Emit `autoAnswer.whisperTone` for voice and callback offers, so the host plays a tone. */
  whisperTone: z._default(z.boolean(), true),
  /** Whether auto-answer starts switched on (the agent can toggle it with `setEnabled`). */
  enabled: z._default(z.boolean(), true),
  /** Callbacks; off when absent. */
  callbacks: z.optional(
    z.object({
      /**
       * The centre, to hear `routing.callbackOffered` and turn a waiting contact into a callback.
       * Give it on one host only (a supervisor desk or the server), or every desk asks.
       */
      center: z.optional(
        z.custom<CallbackCenter>(
          (value: unknown) =>
            typeof value === 'object' && value !== null && 'contactCommand' in value,
          { error: 'Expected a contact centre.' },
        ),
      ),
      /** Asks the waiting customer through their channel (IVR prompt, chat message). */
      ask: z.optional(
        functionSchema<(question: CallbackQuestion) => Promise<CallbackReply> | CallbackReply>(
          'an ask function',
        ),
      ),
      /** Dials an accepted callback (with the softphone: `phone.call(call.phone)`). */
      place: z.optional(
        functionSchema<(call: CallbackCall) => Promise<void> | void>('a place function'),
      ),
    }),
  ),
});

/** The configuration a host passes. */
export type AutoAnswerConfigInput = z.input<typeof autoAnswerConfigSchema>;

/** The configuration after parsing, defaults applied. */
export type AutoAnswerConfig = z.output<typeof autoAnswerConfigSchema>;
