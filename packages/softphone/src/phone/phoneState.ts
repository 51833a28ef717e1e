import { createEventBus, type EventBus, type Unsubscribe } from '@switchboard/core';
import type { CallSnapshot } from '../call';
import {
  nextRegistration,
  type RegistrationEvent,
  type RegistrationState,
} from '../core/registrationMachine';
import type { SoftphoneEvents, SoftphoneSnapshot } from '../softphoneTypes';

/** A softphone's registration state and its frozen snapshot, rebuilt on every change. */
export interface PhoneState {
  /** Where the registration stands now. */
  readonly registration: RegistrationState;
  /** The current snapshot. */
  readonly getSnapshot: () => SoftphoneSnapshot;
  /** Calls `listener` after every change. */
  readonly subscribe: (listener: () => void) => Unsubscribe;
  /** Rebuilds the snapshot from the registration and the calls now. */
  readonly rebuild: () => void;
  /**
   * Applies a registration event (emits `registration.changed` on a change); `false` when the
   * event is not allowed in the current state (nothing changes then).
   */
  move(event: RegistrationEvent): boolean;
}

/** Creates the {@link PhoneState} of a softphone whose calls now are `calls()`. */
export function createPhoneState(
  bus: Pick<EventBus<SoftphoneEvents>, 'emit'>,
  calls: () => readonly CallSnapshot[],
): PhoneState {
  const changes = createEventBus<{ change: undefined }>();
  let registration: RegistrationState = { status: 'unregistered' };
  let snapshot: SoftphoneSnapshot = Object.freeze({ registration, calls: [] });
  const rebuild = () => {
    const live = calls().filter((call) => call.status !== 'ended');
    snapshot = Object.freeze({ registration, calls: live });
    changes.emit('change', undefined);
  };
  return {
    get registration() {
      return registration;
    },
    getSnapshot: () => snapshot,
    subscribe: (listener) => changes.on('change', listener),
    rebuild,
    move(event) {
      const next = nextRegistration(registration, event);
      if (!next) return false;
      if (next !== registration) {
        registration = next;
        rebuild();
        bus.emit('registration.changed', { registration });
      }
      return true;
    },
  };
}
