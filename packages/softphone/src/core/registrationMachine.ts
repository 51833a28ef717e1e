/** Why a registration failed for good (until `register()` is called again). */
export type RegistrationFailure =
  /** The registrar refused the credentials (401/403 after authenticating). */
  | 'unauthorized'
  /** The `credentials` function threw or returned nothing. */
  | 'credentials'
  /** The registrar answered with another final failure (e.g. 404, 503). */
  | 'rejected'
  /** The first connection to the server could not be opened. */
  | 'transport';

/**
 * Where the softphone's registration stands.
 *
 * ```text
 *                 register()                accepted
 * unregistered ─────────────► registering ───────────► registered ◄──┐
 *      ▲                          │  │                    │         │ accepted
 *      │ unregister()             │  └─ connection lost ─►│         │
 *      │ (from any status)        │        ┌──────────────┘         │
 *      │                          │        ▼  connection lost       │
 *      │                refused   │   reconnecting ─── retrying ────┤ (stays, attempt + 1)
 *      │                          ▼        │                        │
 *      └──────────────────────  failed ◄───┘ refused: unauthorized / credentials
 * ```
 */
export type RegistrationState =
  | {
      /** Not registered and not trying. */
      readonly status: 'unregistered';
    }
  | {
      /** Connecting and sending the first REGISTER. */
      readonly status: 'registering';
    }
  | {
      /** The registrar accepted the binding. */ readonly status: 'registered';
      /** When the current binding was accepted (ms since epoch). */
      readonly since: number;
    }
  | {
      /** The connection dropped; reconnecting with back-off and re-registering. */
      readonly status: 'reconnecting';
      /** When the connection was lost (ms since epoch). */
      readonly since: number;
      /** The reconnection attempt under way or next, from 1. */
      readonly attempt: number;
    }
  | {
      /** Stopped trying; `register()` starts again. */ readonly status: 'failed';
      /** Why. */
      readonly reason: RegistrationFailure;
      /** The SIP status code of the refusal, when there was one. */
      readonly statusCode: number | null;
    };

/** What happens to a registration: user commands and what the transport and registrar report. */
export type RegistrationEvent =
  | { readonly type: 'start' }
  | { readonly type: 'accepted'; readonly at: number }
  | {
      readonly type: 'refused';
      readonly reason: RegistrationFailure;
      readonly statusCode: number | null;
    }
  | { readonly type: 'connectionLost'; readonly at: number }
  | { readonly type: 'retrying' }
  | { readonly type: 'stop' };

/** A failure that no retry can fix: the user must act. */
const final = (reason: RegistrationFailure) =>
  reason === 'unauthorized' || reason === 'credentials';

/**
 * The pure registration transition: the next state, or `undefined` when `event` is not allowed
 * in `state` (the caller then changes nothing).
 */
export function nextRegistration(
  state: RegistrationState,
  event: RegistrationEvent,
): RegistrationState | undefined {
  if (event.type === 'stop') return { status: 'unregistered' };
  switch (state.status) {
    case 'unregistered':
    case 'failed':
      return event.type === 'start' ? { status: 'registering' } : undefined;
    case 'registering':
    case 'registered':
      if (event.type === 'accepted') return { status: 'registered', since: event.at };
      if (event.type === 'refused') return failed(event);
      if (event.type === 'connectionLost')
        return { status: 'reconnecting', since: event.at, attempt: 1 };
      return undefined;
    case 'reconnecting':
      if (event.type === 'accepted') return { status: 'registered', since: event.at };
      if (event.type === 'retrying') return { ...state, attempt: state.attempt + 1 };
      if (event.type === 'connectionLost') return state;
      if (event.type === 'refused') return final(event.reason) ? failed(event) : state;
      return undefined;
  }
}

function failed(event: Extract<RegistrationEvent, { type: 'refused' }>): RegistrationState {
  return { status: 'failed', reason: event.reason, statusCode: event.statusCode };
}
