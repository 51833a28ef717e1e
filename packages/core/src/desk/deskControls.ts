import type { ActionName, ActionPayload, ActionResult } from '../actions/actionTypes';
import type { AgentState } from '../agent/agentState';
import type { TransferTargetInput } from '../contact/contactCommands';
import type { EventBus, Unsubscribe } from '../events/eventBus';
import type { SwitchboardEvents } from '../events/eventMap';
import type { Contact, ContactInput } from '../model/contact';
import type { CompleteRequest, LoginRequest, StatusChoice } from './deskRequests';
import type { DeskSnapshot } from './deskSnapshot';

/**
 * What an agent's desk offers a host app, whether its centre runs in process (`createDesk`) or
 * across a transport (`connectDesk`). Every operation is an action: validated, role-checked,
 * open to plugin hooks; a refused one rejects with a `SwitchboardError` and changes nothing.
 */
export interface DeskControls {
  /** The agent's id. */
  readonly agentId: AgentState['profile']['id'];
  /** The agent's current view; the same object until it changes. */
  getSnapshot: () => DeskSnapshot;
  /** Calls `listener` when the snapshot changes; fits React's `useSyncExternalStore`. */
  subscribe: (listener: () => void) => Unsubscribe;
  /** Events that concern this agent (every centre event for supervisors and admins remotely). */
  readonly events: Pick<EventBus<SwitchboardEvents>, 'on' | 'once' | 'onAny'>;
  /** Invokes any registered action (built-in or a plugin's) as this agent. */
  invoke<K extends ActionName>(name: K, payload: ActionPayload<K>): Promise<ActionResult<K>>;
  /** Milliseconds the agent has spent in the current presence status. */
  timeInStatus(): number;
  /** Logs in, available unless a not-ready `reason` is given. */
  login(options?: LoginRequest): Promise<AgentState>;
  /** Logs out; refused while contacts are in hand. */
  logout(): Promise<AgentState>;
  /** Becomes available, or not ready with a reason code. */
  setStatus(choice: StatusChoice): Promise<AgentState>;
  /** Accepts an offered contact. */
  accept(contactId: string): Promise<Contact>;
  /** Declines an offered contact; it goes back to its queue. */
  reject(contactId: string): Promise<Contact>;
  /** Puts the customer on hold. */
  hold(contactId: string): Promise<Contact>;
  /** Takes the customer off hold. */
  resume(contactId: string): Promise<Contact>;
  /** Consults another agent while the customer holds. */
  consult(contactId: string, agentId: string): Promise<Contact>;
  /** Ends a consultation and returns to the customer. */
  endConsult(contactId: string): Promise<Contact>;
  /** Joins the consulted agent into a conference. */
  conference(contactId: string): Promise<Contact>;
  /** Transfers to an agent or a queue (a consult transfer when consulting that agent). */
  transfer(contactId: string, target: TransferTargetInput): Promise<Contact>;
  /** Ends the conversation and starts wrap-up. */
  wrapUp(contactId: string): Promise<Contact>;
  /** Finishes wrap-up, recording a disposition code. */
  complete(contactId: string, options?: Omit<CompleteRequest, 'contactId'>): Promise<Contact>;
  /** Starts an outbound contact handled by this agent. */
  dial(input: ContactInput): Promise<Contact>;
  /** Releases the desk: plugins disposed, detached from the centre or the connection closed. */
  dispose(): Promise<void>;
}

/** The agent operations of {@link DeskControls}, each one a call to `invoke`. */
export type DeskOperations = Omit<
  DeskControls,
  'agentId' | 'getSnapshot' | 'subscribe' | 'events' | 'invoke' | 'timeInStatus' | 'dispose'
>;

/** Builds the agent operations of a desk on its `invoke`, so every desk kind shares them. */
export function deskOperations(invoke: DeskControls['invoke']): DeskOperations {
  return {
    login: (input = {}) => invoke('agent.login', input),
    logout: () => invoke('agent.logout', {}),
    setStatus: (choice) => invoke('agent.setStatus', choice),
    accept: (contactId) => invoke('contact.accept', { contactId }),
    reject: (contactId) => invoke('contact.reject', { contactId }),
    hold: (contactId) => invoke('contact.hold', { contactId }),
    resume: (contactId) => invoke('contact.resume', { contactId }),
    consult: (contactId, other) => invoke('contact.consult', { contactId, agentId: other }),
    endConsult: (contactId) => invoke('contact.endConsult', { contactId }),
    conference: (contactId) => invoke('contact.conference', { contactId }),
    transfer: (contactId, target) => invoke('contact.transfer', { contactId, target }),
    wrapUp: (contactId) => invoke('contact.wrapUp', { contactId }),
    complete: (contactId, { disposition = null } = {}) =>
      invoke('contact.complete', { contactId, disposition }),
    dial: (input) => invoke('contact.dial', input),
  };
}
