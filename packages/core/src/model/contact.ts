import * as z from 'zod/mini';
import { channelSchema } from './channel';
import { customerSchema, type Customer } from './customer';
import { contactIdSchema, queueIdSchema, type AgentId, type ContactId, type QueueId } from './ids';
import { skillRequirementSchema, type SkillRequirement } from './queue';
import type { Channel } from './channel';

/** Validates a {@link ContactInput}: what a host or channel passes to open a contact. */
export const contactInputSchema = z.object({
  /** The contact's id; generated when absent. */
  id: z.optional(contactIdSchema),
  /** The channel it arrives or leaves on. */
  channel: channelSchema,
  /** Whether the customer reached us (`inbound`) or we reach them (`outbound`). */
  direction: z._default(z.enum(['inbound', 'outbound']), 'inbound'),
  /** Who the customer is, as far as known. */
  customer: z._default(customerSchema, { attributes: {} }),
  /** The queue it waits in, if any. */
  queueId: z.optional(queueIdSchema),
  /** Priority, 0 (lowest) to 9; added to the queue's. */
  priority: z._default(z.int().check(z.minimum(0), z.maximum(9)), 0),
  /** Skills this contact needs on top of its queue's, e.g. a language chosen in the IVR. */
  requiredSkills: z._default(z.array(skillRequirementSchema), []),
  /** Host- or channel-defined facts: subject, chat topic, IVR choices, ... */
  attributes: z._default(z.record(z.string(), z.unknown()), {}),
});
/** What a host passes to open a contact (defaults not yet applied). */
export type ContactInput = z.input<typeof contactInputSchema>;

/** Every status of the contact lifecycle; see {@link Contact}. */
export type ContactStatus = Contact['status'];

/** Facts every contact carries, whatever its status. */
export interface ContactBase {
  /** Unique id. */
  readonly id: ContactId;
  /** Channel. */
  readonly channel: Channel;
  /** Inbound or outbound. */
  readonly direction: 'inbound' | 'outbound';
  /** The customer. */
  readonly customer: Customer;
  /** The queue it waits or waited in. */
  readonly queueId: QueueId | null;
  /** Priority 0-9. */
  readonly priority: number;
  /** Skills it needs on top of its queue's. */
  readonly requiredSkills: readonly SkillRequirement[];
  /** Host-defined facts. */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The agent it is offered to or handled by; `null` while nobody has it. */
  readonly agentId: AgentId | null;
  /** The last agent who handled it (kept after it leaves them). */
  readonly lastAgentId: AgentId | null;
  /** When each status was first entered (ms since epoch): the KPIs read these. */
  readonly timestamps: Readonly<Partial<Record<ContactStatus, number>>>;
  /** When the current status was entered. */
  readonly since: number;
  /** Total time on hold so far, in ms (consultations included). */
  readonly holdMs: number;
  /** When the customer was last put on hold, while they still are; otherwise `null`. */
  readonly heldSince: number | null;
  /** How many times it has been offered. */
  readonly offers: number;
  /** How many times it has been transferred. */
  readonly transfers: number;
}

/**
 * A contact: one call, chat, email, SMS or social thread, or callback, with its lifecycle status.
 *
 * ```text
 * created ─► inIvr ─► queued ◄──────────── rejected / missed / blind transfer to a queue
 *    │                  │  ▲
 *    └──────────────────┴─►offered ─► accepted ─► connected ◄─► onHold
 *                                                   │  ▲ │          │
 *                                      inConsult ◄──┘  │ └► conferenced
 *                                          └───────────┘       │
 *                      wrapUp ◄─────────────────────────────────┘ (end from any engaged status)
 *                        └─► completed
 * abandoned (customer left while created / inIvr / queued / offered / accepted)
 * failed (from any status before completed)
 * ```
 */
export type Contact = ContactBase &
  (
    | {
        /** Opened, not yet routed. */
        readonly status: 'created';
      }
    | {
        /** In an IVR menu. */
        readonly status: 'inIvr';
      }
    | {
        /** Waiting in a queue. */
        readonly status: 'queued';
      }
    | {
        /** Reserved for one agent, waiting for their answer. */ readonly status: 'offered';
        /** When the reservation lapses and the contact goes back to its queue. */
        readonly expiresAt: number;
      }
    | {
        /** Taken by the agent; media or session being set up. */
        readonly status: 'accepted';
      }
    | {
        /** Agent and customer are talking or writing. */
        readonly status: 'connected';
      }
    | {
        /** The customer is on hold. */
        readonly status: 'onHold';
      }
    | {
        /** The agent consults a colleague; the customer holds. */ readonly status: 'inConsult';
        /** The agent consulted while the customer waits on hold. */
        readonly consultAgentId: AgentId;
      }
    | {
        /** Customer, agent and colleague together. */ readonly status: 'conferenced';
        /** Every agent in the conference, owner first. */
        readonly participants: readonly AgentId[];
      }
    | {
        /** The conversation ended; the agent wraps up. */
        readonly status: 'wrapUp';
      }
    | {
        /** Finished. */ readonly status: 'completed';
        /** The disposition code recorded at wrap-up, if any. */
        readonly disposition: string | null;
      }
    | {
        /** The customer left before being served. */
        readonly status: 'abandoned';
      }
    | {
        /** Could not continue. */ readonly status: 'failed';
        /** Why it failed, e.g. `mediaError`. */
        readonly reason: string;
      }
  );
