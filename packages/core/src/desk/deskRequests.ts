import type { TransferTargetInput } from '../contact/contactCommands';

/** Payload of `agent.login`. */
export interface LoginRequest {
  /** Start not ready with this reason code instead of available. */
  readonly reason?: string;
}

/** A presence the agent can choose; payload of `agent.setStatus`. */
export type StatusChoice =
  | {
      /** Ready for contacts. */
      readonly status: 'available';
    }
  | {
      /** Not ready for contacts. */
      readonly status: 'notReady';
      /** The reason code, e.g. `break`. */
      readonly reason: string;
    };

/** Payload of the actions on one contact: accept, reject, hold, resume, wrap-up, ... */
export interface ContactRequest {
  /** The contact's id. */
  readonly contactId: string;
}

/** Payload of `contact.consult`. */
export interface ConsultRequest extends ContactRequest {
  /** The colleague to consult. */
  readonly agentId: string;
}

/** Payload of `contact.transfer`. */
export interface TransferRequest extends ContactRequest {
  /** Where the contact goes. */
  readonly target: TransferTargetInput;
}

/** Payload of `contact.complete`. */
export interface CompleteRequest extends ContactRequest {
  /** The disposition code to record, e.g. `resolved`; none when absent or `null`. */
  readonly disposition?: string | null;
}
