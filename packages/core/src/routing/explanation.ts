import type { AgentId, ContactId, QueueId } from '../model/ids';
import type { SkillRequirement } from '../model/queue';

/** An agent as the router weighed it (a JSON-friendly strategy candidate). */
export interface CandidateAccount {
  /** The agent. */
  readonly agentId: AgentId;
  /** When the agent last became free of all contacts. */
  readonly idleSince: number;
  /** When the router last offered the agent a contact; 0 if never. */
  readonly lastOfferedAt: number;
  /** Contacts held over total capacity, 0 to 1. */
  readonly occupancy: number;
  /** Proficiency summed over the required skills. */
  readonly proficiency: number;
}

/** What made the router decide. */
export type RoutingTrigger =
  /** The contact arrived (or its reach widened) and qualified agents were free. */
  | 'contactArrived'
  /** An agent became free and this was the best contact they qualified for. */
  | 'agentFreed'
  /** The agent who last served this customer was free. */
  | 'preferredAgent';

/** Why a contact went to the agent it went to. */
export interface RoutedExplanation {
  /** The contact. */
  readonly contactId: ContactId;
  /** It was offered to an agent. */
  readonly status: 'routed';
  /** The agent it was offered to. */
  readonly agentId: AgentId;
  /** When (ms since epoch). */
  readonly decidedAt: number;
  /** What made the router decide. */
  readonly trigger: RoutingTrigger;
  /** The queue whose rules matched (its own, or one an escalation step added). */
  readonly queueId: QueueId;
  /** The strategy that chose the agent. */
  readonly strategy: string;
  /** The requirements in force. */
  readonly requirements: readonly SkillRequirement[];
  /** How many escalation steps had applied. */
  readonly step: number;
  /** The chosen agent. */
  readonly chosen: CandidateAccount;
  /** The best agent it beat, when the strategy compared several. */
  readonly runnerUp: CandidateAccount | null;
  /**
   * Free agents who qualified (on arrival), or classes of waiting contacts looked at (when an
   * agent freed).
   */
  readonly considered: number;
  /** The contact's effective priority then: priority plus ageing. */
  readonly score: number;
}

/** Why a contact still waits. */
export interface WaitingExplanation {
  /** The contact. */
  readonly contactId: ContactId;
  /** It waits in a queue. */
  readonly status: 'waiting';
  /** The queues whose agents may take it (its own first). */
  readonly queueIds: readonly QueueId[];
  /** Why it waits. */
  readonly reason:
    | 'noQualifiedAgentFree'
    | 'waitingForPreferredAgent'
    | 'passedOver'
    | 'queueClosed'
    | 'outsideCallingHours';
  /** The requirements in force in its own queue. */
  readonly requirements: readonly SkillRequirement[];
  /** How many escalation steps have applied. */
  readonly step: number;
  /** When its reach widens next, or `null`. */
  readonly nextChangeAt: number | null;
  /** Its effective priority now. */
  readonly score: number;
  /** Contacts that outrank it in its own queue's class. */
  readonly ahead: number;
  /** Free agents who qualify now (0 unless a pass-over or preferred agent holds it back). */
  readonly qualifiedFreeAgents: number;
}

/** A contact the router does not hold and has no record of. */
export interface UnknownExplanation {
  /** The contact. */
  readonly contactId: ContactId;
  /** Not waiting, and no decision on record (see `explanationLimit`). */
  readonly status: 'unknown';
}

/** The router's account of one contact: JSON-serialisable, for people and tools. */
export type RoutingExplanation = RoutedExplanation | WaitingExplanation | UnknownExplanation;
