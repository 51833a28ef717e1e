import type { Contact } from '../model/contact';
import type { ContactId } from '../model/ids';
import type { IvrPrompt } from '../ivr/ivrRunner';
import type { Evaluation, MonitorRequest } from '../supervisor/supervision';
import type { AgentState } from '../agent/agentState';
import type { AgentEvent, ContactEvent } from './domainEvents';

/** A plugin or listener failed and was contained. */
export interface PluginFailed {
  /** The plugin's name, or `listener` for a host listener. */
  readonly plugin: string;
  /** Where it failed: `setup`, `listener`, `hook`, `dispose`. */
  readonly phase: 'setup' | 'listener' | 'hook' | 'dispose';
  /** The error thrown. */
  readonly error: unknown;
  /** Whether the plugin was disabled because of it. */
  readonly disabled: boolean;
}

/** A plugin finished its setup. */
export interface PluginReady {
  /** The plugin's name. */
  readonly plugin: string;
}

/** The router offers a waiting customer a callback; the channel asks them. */
export interface CallbackOffered {
  /** The contact still waiting. */
  readonly contactId: ContactId;
  /** What prompted the offer: the queue closed, the maximum wait passed, or an escalation step. */
  readonly reason: 'queueClosed' | 'maxWait' | 'escalation';
  /** When (ms since epoch). */
  readonly at: number;
}

/**
 * The typed map of every event on a desk or centre bus: event name to payload.
 * Agent events carry the agent's state after the change; contact events the contact's.
 *
 * Plugins add their events by declaration merging:
 * ```ts
 * declare module '@switchboard/core' {
 *   interface SwitchboardEvents { 'scripts.stepCompleted': { contactId: string; step: string } }
 * }
 * ```
 */
export interface SwitchboardEvents extends DomainEventMap {
  /** A plugin, listener or hook threw; it was reported and contained. */
  'plugin.failed': PluginFailed;
  /** A plugin is set up and running. */
  'plugin.ready': PluginReady;
  /** The router offers a waiting customer a callback. */
  'routing.callbackOffered': CallbackOffered;
  /** An IVR menu asks the customer something; the channel renders it. */
  'ivr.prompted': IvrPrompt;
  /** A supervisor asks to monitor, whisper to or barge into a contact. */
  'supervisor.monitorRequested': MonitorRequest;
  /** A supervisor evaluated an interaction. */
  'supervisor.evaluated': Evaluation;
}

/** Domain events keyed by name, each with the state it produced. */
export type DomainEventMap = {
  [E in AgentEvent as E['type']]: E & {
    /** The agent's state after the event. */
    readonly state: AgentState;
  };
} & {
  [E in ContactEvent as E['type']]: E & {
    /** The contact after the event. */
    readonly state: Contact;
  };
};
