import type { Contact, Desk } from '@switchboard/core';
import type { Call } from '../call';
import type { Softphone } from '../softphoneTypes';

/** What the parts of `bindSoftphone` share: the desk, the phone and the call-contact links. */
export interface BindingContext {
  /** The agent's desk. */
  readonly desk: Desk;
  /** The agent's phone. */
  readonly phone: Softphone;
  /** The contact linked to a call, as it is now. */
  contactOf(callId: string): Contact | undefined;
  /** The call linked to a contact. */
  callFor(contactId: string): Call | undefined;
  /** Links a call to a contact (a call takes over the contact's link). */
  link(call: Call, contactId: string): void;
  /** Removes a call's link (its contact is no longer mirrored onto it). */
  unlink(callId: string): void;
  /** Runs `work`, sending a throw or a rejection to `onError`. */
  attempt(work: () => unknown): void;
  /** Reports a failure to the host's `onError`. */
  onError(error: unknown): void;
  /** Marks the phone's next outgoing call as the binding's own (no outbound contact opens). */
  placeOwnCall(): void;
}
