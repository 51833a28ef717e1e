import type * as z from 'zod/mini';
import type { AgentCommand } from '../agent/agentCommands';
import type { AgentState } from '../agent/agentState';
import type { ContactCommandInput } from '../contact/contactCommands';
import type { EventBus, Unsubscribe } from '../events/eventBus';
import type { SwitchboardEvents } from '../events/eventMap';
import type { IvrMenuInput } from '../ivr/ivrMenu';
import type { IvrPrompt } from '../ivr/ivrRunner';
import type { AgentInput } from '../model/agent';
import type { Disposition, ReasonCode } from '../model/codes';
import type { Contact, ContactInput } from '../model/contact';
import type { QueueId } from '../model/ids';
import type { Queue, QueueInput } from '../model/queue';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { CallingPolicy } from '../privacy/callingPolicy';
import type { RoutingExplanation } from '../routing/explanation';
import type { RoutingStrategy } from '../routing/strategies';
import type {
  Evaluation,
  evaluationSchema,
  MonitorRequest,
  monitorRequestSchema,
} from '../supervisor/supervision';
import type { Actor } from '../tickets/actor';
import type { CustomerErasure, CustomerErasureRequest } from './centerErasure';
import type { CenterRules, CenterRulesInput } from './centerOptions';
import type { CenterState } from './centerState';

/** Options of {@link createContactCenter}. All are optional: the defaults run in process. */
export interface ContactCenterOptions {
  /** Time source; a virtual clock makes simulations and tests instant. */
  readonly clock?: Clock;
  /** Where contained failures are reported. */
  readonly logger?: Logger;
  /** Queues contacts can wait in. */
  readonly queues?: readonly QueueInput[];
  /** Agents on the roster from the start. */
  readonly agents?: readonly AgentInput[];
  /** Reason codes agents may use; the defaults when absent. */
  readonly reasonCodes?: readonly ReasonCode[];
  /** Dispositions agents may record; the defaults when absent. */
  readonly dispositions?: readonly Disposition[];
  /** Offer, wrap-up and missed-offer rules. */
  readonly rules?: CenterRulesInput;
  /** Makes ids for new contacts; `crypto.randomUUID` by default. */
  readonly createId?: () => string;
  /** Routing beyond what queues configure. */
  readonly routing?: RoutingOptions;
  /** IVR menus contacts can be put through before they queue (`startIvr`). */
  readonly ivrMenus?: readonly IvrMenuInput[];
}

/** What an admin may change of an agent's profile. */
export type AgentChanges = Partial<Pick<AgentInput, 'name' | 'roles' | 'skills' | 'capacity'>>;

/** Routing options of a centre. */
export interface RoutingOptions {
  /** Custom strategies by name; queues name them in `strategy`. */
  readonly strategies?: Readonly<Record<string, RoutingStrategy>>;
  /** Decisions kept for `explain` after a contact left its queue. Default 10,000. */
  readonly explanationLimit?: number;
  /**
   * For callbacks: calling hours in the customer's time zone and a do-not-call list
   * (`createCallingPolicy` from `@switchboard/core/privacy`). A callback outside the hours waits
   * in its queue; one to a do-not-call number fails with reason `doNotCall`.
   */
  readonly callingPolicy?: Pick<CallingPolicy, 'check'>;
}

/**
 * The embedded contact centre: agents, contacts, queues and the routing that joins them, in
 * process. Desks attach to it; the simulator, examples and tests run on it.
 */
export interface ContactCenter {
  /** The current frozen state. */
  getSnapshot: () => CenterState;
  /** Calls `listener` after every change. */
  subscribe: (listener: () => void) => Unsubscribe;
  /** Every event of the centre, typed. */
  readonly events: Pick<EventBus<SwitchboardEvents>, 'on' | 'once' | 'onAny'>;
  /** The rules in force. */
  readonly rules: CenterRules;
  /** The queues by id. */
  readonly queues: ReadonlyMap<QueueId, Queue>;
  /** The reason codes agents may use. */
  readonly reasonCodes: readonly ReasonCode[];
  /** The dispositions agents may record. */
  readonly dispositions: readonly Disposition[];
  /** Adds an agent to the roster (offline). Throws `ALREADY_EXISTS` for a known id. */
  registerAgent(input: AgentInput): AgentState;
  /** Opens a contact; with a `queueId` it queues and is routed at once. */
  openContact(input: ContactInput): Contact;
  /** Sends a command to an agent's presence machine. */
  agentCommand(agentId: string, command: AgentCommand): AgentState;
  /**
   * Sends a command to a contact's lifecycle machine. A frozen command of plain fields (e.g.
   * `Object.freeze({ type: 'connect' })`, kept and sent again) is validated only the first time.
   */
  contactCommand(contactId: string, command: ContactCommandInput): Contact;
  /** Adds a queue or replaces its rules; contacts waiting in it follow the new rules at once. */
  upsertQueue(input: QueueInput): Queue;
  /** Changes an agent's name, roles, skills or capacity; routing follows at once. */
  updateAgent(agentId: string, changes: AgentChanges): AgentState;
  /** Adds a reason code, or replaces the one with the same code. */
  upsertReasonCode(reason: ReasonCode): void;
  /** Adds a disposition, or replaces the one with the same code. */
  upsertDisposition(disposition: Disposition): void;
  /**
   * Asks the media layer to let `supervisorId` monitor, whisper to or barge into a contact in
   * conversation: emits `supervisor.monitorRequested` (the softphone or chat plugin carries it out).
   */
  requestMonitor(supervisorId: string, input: z.input<typeof monitorRequestSchema>): MonitorRequest;
  /** Records a supervisor's scorecard for an interaction: emits `supervisor.evaluated`. */
  recordEvaluation(supervisorId: string, input: z.input<typeof evaluationSchema>): Evaluation;
  /**
   * Puts a new contact into an IVR menu: emits `ivr.prompted` for the channel to render. The
   * answers classify the contact (queue, priority, skills, attributes) and it queues at the end.
   */
  startIvr(contactId: string, menuId: string): IvrPrompt;
  /** The customer's answer to the current prompt: the next prompt, or `null` once the contact queued. */
  answerIvr(contactId: string, key: string): IvrPrompt | null;
  /** Why a contact waits, or why it went to its agent (JSON-serialisable). */
  explain(contactId: string): RoutingExplanation;
  /** Adds a custom routing strategy that queues can name (plugins call this). */
  registerStrategy(name: string, strategy: RoutingStrategy): void;
  /**
   * Erases a customer's personal data from every contact of theirs (access and erasure
   * requests): each becomes a tombstone through a `contact.erased` event (customer
   * `{ id: tombstone }`, attribute strings `[erased]` except `keepAttributes`); ids, channels,
   * queues, times and agents stay, so KPIs are unchanged. Admins only (`PERMISSION_DENIED`).
   * The centre's own state, its events and every desk's snapshot are clean afterwards; stored
   * history is erased by `openCenterHistory(...).eraseCustomer` from `@switchboard/core/history`.
   */
  eraseCustomer(request: CustomerErasureRequest, actor: Actor): CustomerErasure;
  /** Cancels every timer; the centre refuses commands afterwards. */
  dispose(): void;
}
