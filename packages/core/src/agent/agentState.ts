import type { Agent } from '../model/agent';
import type { Capacity } from '../model/channel';
import type { ContactId } from '../model/ids';

/**
 * An agent's presence, keyed on `status`.
 *
 * ```text
 *            login                 setStatus(notReady, reason)
 * offline ─────────► available ◄──────────────────────────────► notReady(reason)
 *    ▲                   │         setStatus(available)             │
 *    └───── logout ──────┴──────────────────────────────────────────┘
 * ```
 * Whether the agent is ringing, on a contact or in wrap-up is derived per channel from the
 * contacts they hold (see `deriveActivity`), so presence and work never disagree.
 */
export type AgentPresence =
  | {
      /** Logged out. */
      readonly status: 'offline';
    }
  | {
      /** Ready for contacts. */
      readonly status: 'available';
    }
  | {
      /** Logged in but not taking contacts. */
      readonly status: 'notReady';
      /** The reason code, e.g. `break`. */
      readonly reason: string;
    };

/** An agent's presence status. */
export type AgentStatus = AgentPresence['status'];

/** Everything the centre knows about one agent. */
export interface AgentState {
  /** Who the agent is and what they can take. */
  readonly profile: Agent;
  /** Current presence. */
  readonly presence: AgentPresence;
  /** When the current presence began (ms since epoch). */
  readonly since: number;
  /** Offers missed in a row (reset by an accept). */
  readonly missedOffers: number;
  /** When the agent last became idle: free of all contacts, or available with none; for longest-idle routing. */
  readonly idleSince: number;
  /** Contacts offered to or held by the agent (not yet completed), oldest first. */
  readonly contactIds: readonly ContactId[];
  /** How many of those contacts use each capacity channel (callbacks count as voice). */
  readonly load: Readonly<Record<keyof Capacity, number>>;
}
