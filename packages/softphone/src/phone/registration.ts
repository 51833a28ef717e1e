import type { Clock, TimerHandle } from '@switchboard/core';
import { Registerer, UserAgentState, type UserAgent } from 'sip.js';
import { backoffDelay } from '../core/backoff';
import type { RegistrationFailure } from '../core/registrationMachine';
import { isSoftphoneError, SoftphoneError } from '../errors';
import type { CallHandle } from '../sip/sipCall';
import type { WebSocketTransport } from '../sip/webSocketTransport';
import type { SoftphoneOptions } from '../softphoneOptions';
import type { PhoneState } from './phoneState';

/** What the registration needs from its softphone. */
export interface RegistrationContext {
  /** The softphone's parsed options. */
  readonly options: SoftphoneOptions;
  /** The user agent that registers. */
  readonly ua: UserAgent;
  /** Its WebSocket transport. */
  readonly transport: WebSocketTransport;
  /** The softphone's clock. */
  readonly clock: Clock;
  /** A number in [0, 1) for back-off jitter. */
  readonly random: () => number;
  /** The registration state and snapshot. */
  readonly state: PhoneState;
  /** The calls, suspended and restored around an outage. */
  readonly handles: Map<string, CallHandle>;
  /** Takes the credentials for one request. */
  readonly lease: () => Promise<() => void>;
  /** Reports an error as an `error` event. */
  readonly report: (error: unknown) => void;
  /** Whether the softphone was disposed. */
  readonly disposed: () => boolean;
  /** Runs once the first registration of a `register()` is accepted. */
  readonly registered: () => void;
}

/** Registration, refresh and reconnection (back-off, re-registration, calls restored). */
export interface Registration {
  /** See `Softphone.register`. */
  register(): Promise<void>;
  /** See `Softphone.unregister`. */
  unregister(): Promise<void>;
  /** See `Softphone.refresh`. */
  refresh(): Promise<void>;
  /**
   * Connects without registering, for a phone that only carries calls another tab answered
   * (their legs): the machine then reads `registered` for "connected" (no binding is made), and
   * a lost connection is reconnected with the same back-off and the calls restored the same
   * way, only without the REGISTER.
   */
  connectOnly(): Promise<void>;
  /** The connection dropped: calls wait, reconnection starts. */
  connectionLost(): void;
  /** Stops every timer (disposal). */
  stop(): void;
}

/** Creates a softphone's {@link Registration}. */
export function createRegistration(context: RegistrationContext): Registration {
  const { options, ua, transport, clock, random, state, handles, lease, report } = context;
  const backoff = {
    minDelayMs: options.reconnect?.minDelayMs ?? 500,
    maxDelayMs: options.reconnect?.maxDelayMs ?? 30_000,
  };
  const survivalMs = options.reconnect?.callSurvivalMs ?? 30_000;
  let registerer: Registerer | undefined;
  let registering: Promise<void> | undefined;
  /** Whether a REGISTER awaits its final answer. */
  let registerPending = false;
  let refreshTimer: TimerHandle;
  let retryTimer: TimerHandle;
  let survivalTimer: TimerHandle;
  let lostAt: number | null = null;
  /** Connected without registering (see {@link Registration.connectOnly}). */
  let legOnly = false;

  async function sendRegister(): Promise<void> {
    const release = await lease();
    registerer ??= new Registerer(ua, { expires: options.registerExpires ?? 600 });
    const current = registerer;
    registerPending = true;
    try {
      await new Promise<void>((resolve, reject) => {
        current
          .register({
            requestDelegate: {
              onAccept: () => {
                resolve();
              },
              onReject: (response) => {
                const statusCode = response.message.statusCode ?? 0;
                const unauthorized = [401, 403, 407].includes(statusCode);
                reject(
                  new SoftphoneError(
                    unauthorized ? 'UNAUTHORIZED' : 'REGISTRATION_FAILED',
                    `The registrar answered REGISTER with ${statusCode}.`,
                    { details: { statusCode } },
                  ),
                );
              },
            },
          })
          .catch((cause: unknown) => {
            reject(new SoftphoneError('REGISTRATION_FAILED', String(cause), { cause }));
          });
      });
    } finally {
      registerPending = false;
      release();
    }
    scheduleRefresh();
  }

  function scheduleRefresh() {
    clock.clearTimeout(refreshTimer);
    const seconds = options.registerExpires ?? 600;
    refreshTimer = clock.setTimeout(() => {
      if (state.registration.status !== 'registered') return;
      sendRegister().then(
        () => state.move({ type: 'accepted', at: clock.now() }),
        (error: unknown) => {
          report(error);
          if (isSoftphoneError(error, 'UNAUTHORIZED')) refuse(error);
        },
      );
    }, seconds * 800);
  }

  function refuse(error: unknown) {
    const statusCode = isSoftphoneError(error) ? error.details.statusCode : undefined;
    state.move({
      type: 'refused',
      reason: failureOf(error),
      statusCode: typeof statusCode === 'number' ? statusCode : null,
    });
    if (state.registration.status === 'failed') stop();
  }

  function connectionLost() {
    if (context.disposed()) return;
    clock.clearTimeout(refreshTimer);
    // A REGISTER lost with the socket would block the next one until it times out (32 s):
    // start afresh then. An idle registerer is kept, so it never unregisters a live binding.
    if (registerPending) registerer = undefined;
    if (!state.move({ type: 'connectionLost', at: clock.now() })) return;
    if (lostAt === null) {
      lostAt = clock.now();
      for (const handle of handles.values()) handle.suspend();
      if (survivalMs > 0) {
        survivalTimer = clock.setTimeout(() => {
          for (const handle of handles.values()) handle.abandon();
        }, survivalMs);
      }
    }
    scheduleRetry();
  }

  function scheduleRetry() {
    clock.clearTimeout(retryTimer);
    const { registration } = state;
    const attempt = registration.status === 'reconnecting' ? registration.attempt : 1;
    retryTimer = clock.setTimeout(() => void reconnect(), backoffDelay(attempt, backoff, random));
  }

  async function reconnect(): Promise<void> {
    if (state.registration.status !== 'reconnecting') return;
    try {
      await transport.connect();
      if (!legOnly) await sendRegister();
    } catch (error) {
      retryAfter(error);
      return;
    }
    if (!state.move({ type: 'accepted', at: clock.now() })) return;
    restoreCalls();
  }

  /** A failed attempt: fail for good on bad credentials, otherwise try again later. */
  function retryAfter(error: unknown) {
    if (state.registration.status !== 'reconnecting') return;
    refuse(error);
    if (!state.move({ type: 'retrying' })) return;
    if (transport.isConnected()) transport.lose('Re-registration failed.');
    else scheduleRetry();
  }

  function restoreCalls() {
    const outageMs = lostAt === null ? 0 : clock.now() - lostAt;
    lostAt = null;
    clock.clearTimeout(survivalTimer);
    for (const handle of [...handles.values()]) {
      if (handle.owesBye) {
        handle.flush();
        handles.delete(handle.call.id);
        continue;
      }
      handle.restore(outageMs).catch((error: unknown) => {
        report(error);
        handle.abandon();
        handle.flush();
      });
    }
    state.rebuild();
  }

  function stop() {
    clock.clearTimeout(retryTimer);
    clock.clearTimeout(refreshTimer);
  }

  async function register(): Promise<void> {
    const { registration } = state;
    if (registration.status === 'registered') return;
    if (registering) return registering;
    if (!state.move({ type: 'start' })) {
      throw new SoftphoneError('INVALID_STATE', `Cannot register while ${registration.status}.`, {
        details: { status: registration.status },
      });
    }
    registering = (async () => {
      try {
        if (ua.state === UserAgentState.Started) await transport.connect();
        else await ua.start();
        await sendRegister();
      } catch (error) {
        const typed = isSoftphoneError(error)
          ? error
          : new SoftphoneError('TRANSPORT_FAILED', String(error), { cause: error });
        if (state.registration.status === 'registering') refuse(typed);
        throw typed;
      }
      state.move({ type: 'accepted', at: clock.now() });
      context.registered();
    })().finally(() => {
      registering = undefined;
    });
    return registering;
  }

  return {
    register,
    async unregister() {
      stop();
      const current = registerer;
      registerer = undefined;
      state.move({ type: 'stop' });
      if (current && transport.isConnected()) {
        await current.unregister().catch((error: unknown) => {
          report(new SoftphoneError('REGISTRATION_FAILED', String(error), { cause: error }));
        });
      }
    },
    async refresh() {
      const { status } = state.registration;
      if (status === 'reconnecting') {
        clock.clearTimeout(retryTimer);
        await reconnect();
        return;
      }
      if (status !== 'registered') return register();
      if (!transport.isConnected()) {
        transport.lose('Refresh found the connection closed.');
        return;
      }
      // After a sleep the socket may be silent: it is dropped within the ping timeout and the
      // reconnection re-registers, so no REGISTER waits 32 s on a dead connection.
      if (!(await transport.probe())) return;
      await sendRegister();
      state.move({ type: 'accepted', at: clock.now() });
    },
    async connectOnly() {
      legOnly = true;
      if (state.registration.status === 'registered' && transport.isConnected()) return;
      if (state.registration.status === 'reconnecting') {
        clock.clearTimeout(retryTimer);
        await reconnect();
        return;
      }
      state.move({ type: 'start' });
      try {
        if (ua.state === UserAgentState.Started) await transport.connect();
        else await ua.start();
      } catch (error) {
        state.move({ type: 'stop' });
        throw error;
      }
      state.move({ type: 'accepted', at: clock.now() });
    },
    connectionLost,
    stop() {
      stop();
      clock.clearTimeout(survivalTimer);
    },
  };
}

function failureOf(error: unknown): RegistrationFailure {
  if (isSoftphoneError(error, 'UNAUTHORIZED')) return 'unauthorized';
  if (isSoftphoneError(error, 'CREDENTIALS_UNAVAILABLE')) return 'credentials';
  if (isSoftphoneError(error, 'TRANSPORT_FAILED')) return 'transport';
  return 'rejected';
}
