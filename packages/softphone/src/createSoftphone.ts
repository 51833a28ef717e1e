import { createEventBus, silentLogger, systemClock, type TimerHandle } from '@switchboard/core';
import { Inviter, Registerer, SIPExtension, UserAgent, UserAgentState, type Session } from 'sip.js';
import { createCallControl } from './callControl';
import type { Call, CallSnapshot } from './call';
import { backoffDelay } from './core/backoff';
import {
  nextRegistration,
  type RegistrationEvent,
  type RegistrationFailure,
  type RegistrationState,
} from './core/registrationMachine';
import { resolveTarget } from './core/target';
import { isSoftphoneError, SoftphoneError } from './errors';
import { defaultMedia } from './media/defaultMedia';
import { createCredentialLease } from './sip/credentialLease';
import {
  createDialogMemory,
  recordOf,
  sendBye,
  type DialogRecord,
  type DialogStorage,
} from './sip/dialogMemory';
import { descriptionOptions, toSessionDescriptionHandler } from './sip/mediaAdapter';
import { followReferral } from './sip/referrals';
import { invitationRejoins, rejoinOrphan } from './sip/rejoin';
import { createCallHandle, partyOf, type CallHandle, type CallLeg } from './sip/sipCall';
import { WebSocketTransport, type WebSocketTransportOptions } from './sip/webSocketTransport';
import { parseSoftphoneOptions, type SoftphoneOptions } from './softphoneOptions';
import type { Softphone, SoftphoneEvents, SoftphoneSnapshot } from './softphoneTypes';
import { legEvents } from './tabs/legEvents';
import { watchWake } from './web/wakeWatcher';

/**
 * Creates a {@link Softphone}: a SIP user agent over WebSocket that registers, places and
 * answers calls, and survives connection drops (keep-alives, back-off with jitter,
 * re-registration, media restored by re-INVITE; calls end after `callSurvivalMs`).
 *
 * @example
 * ```ts
 * const phone = createSoftphone({
 *   server: 'wss://pbx.example.com/ws',
 *   uri: 'sip:alice@pbx.example.com',
 *   credentials: () => fetch('/sip-password').then((response) => response.text()),
 * });
 * phone.on('call.incoming', ({ call }) => void call.answer());
 * await phone.register();
 * const call = await phone.call('+1 415 555 2671');
 * ```
 */
export function createSoftphone(input: SoftphoneOptions): Softphone {
  return buildSoftphone(input).phone;
}

/**
 * What the shared softphone needs beyond the public interface to move a call's audio to the tab
 * that answered it (internal: not exported from the package).
 */
export interface SoftphoneInternals {
  /**
   * In the leading tab, once a call is answered for another tab: its dialog's facts for that
   * tab's INVITE with Replaces, or `null` when the far end cannot take one (the audio stays here;
   * `call.audioPlaced` says so).
   */
  handOff(callId: string): Promise<DialogRecord | null>;
  /** Settles a hand-off: `leg` carries the call from now on, or `null` when the move failed. */
  moveTo(callId: string, leg: CallLeg | null): void;
  /** The moved call's leg changed (or ended) in the tab that carries it. */
  legChanged(callId: string, leg: CallSnapshot): void;
  /** The dialog's facts of a call, for the tab that moved it (`null` before it has a dialog). */
  dialogOf(callId: string): DialogRecord | null;
  /**
   * The tab that carried the moved call closed: the call ends with `connectionLost` and its
   * leg's dialog (`record`) gets a BYE, so the far end is not left with a ghost.
   */
  legLost(callId: string, record: DialogRecord | null): void;
  /** An event of the moved call's leg (`call.held`, ...): emitted with this call's snapshot. */
  legEvent(callId: string, event: string, payload: Record<string, unknown>): void;
  /**
   * In the answering tab: connects without registering and takes the dialog over (INVITE with
   * Replaces, fresh media); the new call, or `null` when the far end refused or did not answer.
   */
  takeOver(record: DialogRecord): Promise<Call | null>;
}

/** {@link createSoftphone} with its {@link SoftphoneInternals}. */
export function buildSoftphone(input: SoftphoneOptions): {
  phone: Softphone;
  internals: SoftphoneInternals;
} {
  const options = parseSoftphoneOptions(input);
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const logger = options.logger ?? silentLogger;
  const aor = UserAgent.makeURI(options.uri);
  const webSocket =
    options.webSocket ??
    (globalThis as { WebSocket?: WebSocketTransportOptions['webSocket'] }).WebSocket;
  if (!aor || !webSocket) {
    throw new SoftphoneError(
      'INVALID_INPUT',
      aor ? 'No WebSocket: pass `webSocket` (the ws package) in Node.' : 'Invalid `uri`.',
      { details: { uri: options.uri } },
    );
  }
  const domain = aor.host;
  const backoff = {
    minDelayMs: options.reconnect?.minDelayMs ?? 500,
    maxDelayMs: options.reconnect?.maxDelayMs ?? 30_000,
  };
  const survivalMs = options.reconnect?.callSurvivalMs ?? 30_000;
  const iceServers = options.iceServers ?? [];
  const dialogs = createDialogMemory(
    options.dialogStorage === undefined ? defaultDialogStorage() : options.dialogStorage,
    options.uri,
  );

  const bus = createEventBus<SoftphoneEvents>((error, event) => {
    logger.error(`A softphone listener of ${event} threw`, { error });
  });
  const changes = createEventBus<{ change: undefined }>();
  const handles = new Map<string, CallHandle>();
  let registration: RegistrationState = { status: 'unregistered' };
  let snapshot: SoftphoneSnapshot = Object.freeze({ registration, calls: [] });
  let disposed = false;
  let registerer: Registerer | undefined;
  let registering: Promise<void> | undefined;
  /** Whether a REGISTER awaits its final answer. */
  let registerPending = false;
  let refreshTimer: TimerHandle;
  let retryTimer: TimerHandle;
  let survivalTimer: TimerHandle;
  let lostAt: number | null = null;
  /** Connected without registering to carry calls answered by the leading tab. */
  let legOnly = false;

  const rebuild = () => {
    const calls = [...handles.values()].map((handle) => handle.call.getSnapshot());
    snapshot = Object.freeze({ registration, calls: calls.filter((c) => c.status !== 'ended') });
    changes.emit('change', undefined);
  };
  const move = (event: RegistrationEvent): boolean => {
    const next = nextRegistration(registration, event);
    if (!next) return false;
    if (next !== registration) {
      registration = next;
      rebuild();
      bus.emit('registration.changed', { registration });
    }
    return true;
  };
  const report = (error: unknown) => {
    const typed = isSoftphoneError(error)
      ? error
      : new SoftphoneError('CALL_FAILED', String(error), { cause: error });
    logger.warn(typed.message, { code: typed.code, details: typed.details });
    bus.emit('error', { error: typed });
  };

  const transportOptions: WebSocketTransportOptions = {
    server: options.server,
    webSocket,
    clock,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    keepAliveIntervalMs: options.keepAlive?.intervalMs ?? 15_000,
    keepAliveTimeoutMs: options.keepAlive?.timeoutMs ?? 5_000,
    onReceiveError: (error) => {
      logger.error('sip.js failed to handle a message', { error });
    },
  };
  const ua = new UserAgent({
    uri: aor,
    authorizationUsername: options.authorizationUser ?? aor.user ?? '',
    displayName: options.displayName ?? '',
    userAgentString: 'Switchboard softphone',
    transportConstructor: WebSocketTransport,
    transportOptions,
    reconnectionAttempts: 0,
    sipExtensionReplaces: SIPExtension.Supported,
    logBuiltinEnabled: false,
    logLevel: 'warn',
    logConnector: (level, category, _label, content) => {
      logger[level === 'log' ? 'info' : level](`sip.js ${category}: ${content}`);
    },
    sessionDescriptionHandlerFactory: (session: Session) => {
      const factory = options.media ?? defaultMedia();
      const direction = session instanceof Inviter ? 'outbound' : 'inbound';
      const owner = ownerOf(session);
      const media = factory({ callId: owner?.call.id ?? session.id, direction, iceServers });
      owner?.attachMedia(media);
      return toSessionDescriptionHandler(media);
    },
    delegate: {
      onInvite: (invitation) => {
        const replaced = invitation.replacee ? ownerOf(invitation.replacee) : undefined;
        if (replaced && replaced.call.getSnapshot().status === 'connected') {
          if (invitationRejoins(invitation, replaced)) {
            // The far end reloaded its page and takes the call over: same call, fresh media.
            dialogs.forget(replaced.session.dialog?.callId ?? '');
            replaced.adopt(invitation).catch(report);
            return;
          }
        }
        const waiting = snapshot.calls.length > 0;
        const handle = track(invitation, null);
        if (!replaced) {
          bus.emit('call.incoming', { call: handle.call, waiting });
          return;
        }
        // The far end of an attended transfer: answered at once, sip.js hangs the old call up.
        replaced.expectEnd('replaced');
        bus.emit('call.replaced', { call: handle.call, replaced: replaced.call.getSnapshot() });
        handle.call.answer({ holdOthers: false }).catch(report);
      },
      onDisconnect: (error) => {
        if (error) connectionLost();
      },
    },
  });
  const transport = ua.transport as unknown as WebSocketTransport;
  let conferences = 0;
  const control = createCallControl({
    handles,
    emit: bus.emit,
    newId: () => `conference-${(conferences += 1)}`,
    report: (error) => {
      report(error);
    },
  });
  const lease = createCredentialLease(options.credentials, (password) => {
    ua.configuration.authorizationPassword = password;
  });

  /** The call a sip.js session belongs to (after a rejoin, not the one it was made with). */
  function ownerOf(session: Session): CallHandle | undefined {
    return (
      handles.get(session.id) ?? [...handles.values()].find((handle) => handle.session === session)
    );
  }

  /**
   * Tracks a session as a call. An `attempt` (a rejoin) stays quiet until it connects: if it
   * fails, the call it tried to take over continues or ends on its own, with one `call.ended`.
   */
  function track(session: Session, dialled: string | null, attempt = false): CallHandle {
    let quiet = attempt;
    const handle = createCallHandle(session, partyOf(session, dialled), {
      clock,
      random,
      emit: (event, payload) => {
        if (event === 'call.connected') quiet = false;
        if (!quiet || event !== 'call.ended') bus.emit(event, payload);
      },
      changed: () => {
        const ended = handle.call.getSnapshot().status === 'ended';
        const current = handle.session;
        if (ended) {
          dialogs.forget(current.dialog?.callId ?? '');
          control.ended(handle);
        } else if (handle.call.getSnapshot().status === 'connected' && !handle.moved) {
          dialogs.remember(current, handle.remoteSupportsReplaces);
        }
        if (ended && !handle.owesBye) handles.delete(handle.call.id);
        rebuild();
      },
      canSignal: () => registration.status === 'registered' || (legOnly && transport.isConnected()),
      qualityIntervalMs: options.qualityIntervalMs ?? 5_000,
      resolveTarget: async (target) =>
        (await resolveTarget(target, domain, options.defaultCountry)).uri,
      handleOf: (id) => handles.get(id),
      beforeAnswer: (callId, answer) =>
        control.beforeAnswer(callId, {
          holdOthers: answer.holdOthers ?? options.holdOnAnswer ?? true,
        }),
      onReferral: (original, referral) => {
        followReferral(original, referral, {
          policy: options.incomingTransfers ?? 'follow',
          track: (inviter) => track(inviter, null),
          lease,
          placed: (call, from) => {
            bus.emit('call.referred', { call, from });
            bus.emit('call.outgoing', { call });
          },
          report,
        });
      },
      recordingControl: options.recordingControl,
      transferTimeoutMs: options.transferTimeoutMs ?? 30_000,
    });
    handles.set(session.id, handle);
    rebuild();
    return handle;
  }

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
      if (registration.status !== 'registered') return;
      sendRegister().then(
        () => move({ type: 'accepted', at: clock.now() }),
        (error: unknown) => {
          report(error);
          if (isSoftphoneError(error, 'UNAUTHORIZED')) refuse(error);
        },
      );
    }, seconds * 800);
  }

  function failureOf(error: unknown): RegistrationFailure {
    if (isSoftphoneError(error, 'UNAUTHORIZED')) return 'unauthorized';
    if (isSoftphoneError(error, 'CREDENTIALS_UNAVAILABLE')) return 'credentials';
    if (isSoftphoneError(error, 'TRANSPORT_FAILED')) return 'transport';
    return 'rejected';
  }
  function refuse(error: unknown) {
    const statusCode = isSoftphoneError(error) ? error.details.statusCode : undefined;
    move({
      type: 'refused',
      reason: failureOf(error),
      statusCode: typeof statusCode === 'number' ? statusCode : null,
    });
    if (registration.status === 'failed') stopReconnecting();
  }

  function connectionLost() {
    if (disposed) return;
    clock.clearTimeout(refreshTimer);
    // A REGISTER lost with the socket would block the next one until it times out (32 s):
    // start afresh then. An idle registerer is kept, so it never unregisters a live binding.
    if (registerPending) registerer = undefined;
    if (!move({ type: 'connectionLost', at: clock.now() })) return;
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
    const attempt = registration.status === 'reconnecting' ? registration.attempt : 1;
    retryTimer = clock.setTimeout(() => void reconnect(), backoffDelay(attempt, backoff, random));
  }

  async function reconnect(): Promise<void> {
    if (registration.status !== 'reconnecting') return;
    try {
      await transport.connect();
      await sendRegister();
    } catch (error) {
      retryAfter(error);
      return;
    }
    if (!move({ type: 'accepted', at: clock.now() })) return;
    restoreCalls();
  }

  /** A failed attempt: fail for good on bad credentials, otherwise try again later. */
  function retryAfter(error: unknown) {
    if (registration.status !== 'reconnecting') return;
    refuse(error);
    if (!move({ type: 'retrying' })) return;
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
    rebuild();
  }

  function stopReconnecting() {
    clock.clearTimeout(retryTimer);
    clock.clearTimeout(refreshTimer);
  }

  const assertLive = () => {
    if (disposed) throw new SoftphoneError('DISPOSED');
  };

  async function register(): Promise<void> {
    assertLive();
    if (registration.status === 'registered') return;
    if (registering) return registering;
    if (!move({ type: 'start' })) {
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
        if (registration.status === 'registering') refuse(typed);
        throw typed;
      }
      move({ type: 'accepted', at: clock.now() });
      void settleOrphans();
    })().finally(() => {
      registering = undefined;
    });
    return registering;
  }

  /** Takes `record`'s dialog over with an INVITE with Replaces (a quiet attempt). */
  function rejoin(record: DialogRecord): Promise<Call | null> {
    return rejoinOrphan(record, {
      ua,
      track: (session) => track(session, null, true),
      lease,
      clock,
      timeoutMs: options.rejoinTimeoutMs ?? 10_000,
    });
  }

  /**
   * Rejoins (Replaces) or ends (BYE) the calls the previous page, before a reload, left
   * connected; see dialogMemory.
   */
  async function settleOrphans() {
    const rejoinOne = async (record: DialogRecord) => {
      const call = await rejoin(record);
      if (call) bus.emit('call.rejoined', { call, replacedCallId: record.callId });
      return call !== null;
    };
    for (const outcome of await dialogs.settleOrphans(ua, clock, 5000, rejoinOne)) {
      bus.emit('call.orphanEnded', outcome);
    }
  }

  const phone: Softphone = {
    getSnapshot: () => snapshot,
    subscribe: (listener) => changes.on('change', listener),
    on: (event, listener) => bus.on(event, listener),
    register,
    async unregister() {
      assertLive();
      stopReconnecting();
      const current = registerer;
      registerer = undefined;
      move({ type: 'stop' });
      if (current && transport.isConnected()) {
        await current.unregister().catch((error: unknown) => {
          report(new SoftphoneError('REGISTRATION_FAILED', String(error), { cause: error }));
        });
      }
    },
    async call(target, callOptions = {}) {
      assertLive();
      if (registration.status !== 'registered') {
        throw new SoftphoneError('INVALID_STATE', `Cannot call while ${registration.status}.`, {
          details: { status: registration.status },
        });
      }
      const resolved = await resolveTarget(target, domain, options.defaultCountry);
      const uri = UserAgent.makeURI(resolved.uri);
      if (!uri) {
        throw new SoftphoneError('INVALID_TARGET', `"${target}" is not a valid SIP URI.`, {
          details: { target },
        });
      }
      const inviter = new Inviter(ua, uri, {
        extraHeaders: [...(callOptions.extraHeaders ?? [])],
        sessionDescriptionHandlerOptions: descriptionOptions({ held: false, iceRestart: false }),
        earlyMedia: true,
      });
      const handle = track(inviter, resolved.number);
      bus.emit('call.outgoing', { call: handle.call });
      const release = await lease();
      try {
        await handle.dial(release);
      } catch (cause) {
        release();
        throw new SoftphoneError('CALL_FAILED', 'The INVITE could not be sent.', { cause });
      }
      return handle.call;
    },
    getCall: (id): Call | undefined => handles.get(id)?.call,
    async switchTo(callId) {
      assertLive();
      await control.switchTo(callId);
    },
    async conference(calls) {
      assertLive();
      return control.conference(calls);
    },
    async refresh() {
      assertLive();
      if (registration.status === 'reconnecting') {
        clock.clearTimeout(retryTimer);
        await reconnect();
        return;
      }
      if (registration.status !== 'registered') return register();
      if (!transport.isConnected()) {
        transport.lose('Refresh found the connection closed.');
        return;
      }
      // After a sleep the socket may be silent: it is dropped within the ping timeout and the
      // reconnection re-registers, so no REGISTER waits 32 s on a dead connection.
      if (!(await transport.probe())) return;
      await sendRegister();
      move({ type: 'accepted', at: clock.now() });
    },
    async dispose() {
      if (disposed) return;
      const live = [...handles.values()].map((handle) => handle.call);
      await Promise.allSettled(live.map((call) => call.hangUp()));
      await phone.unregister().catch(() => undefined);
      disposed = true;
      stopWake();
      clock.clearTimeout(survivalTimer);
      await ua.stop().catch(() => undefined);
      await transport.dispose();
    },
  };
  const wakeOn = options.wake !== false && (options.wake?.target ?? globalThis.document);
  const stopWake = wakeOn
    ? watchWake(
        (reason, gapMs) => {
          bus.emit('softphone.woke', { reason, gapMs });
          // Not after a failure: a refused password must not be retried on every wake-up.
          const { status } = registration;
          if (!disposed && (status === 'registered' || status === 'reconnecting')) {
            phone.refresh().catch(report);
          }
        },
        clock,
        options.wake || {},
      )
    : () => undefined;
  const live = (callId: string) => {
    const handle = handles.get(callId);
    if (!handle)
      throw new SoftphoneError('NOT_FOUND', `No call ${callId}.`, { details: { callId } });
    return handle;
  };
  const internals: SoftphoneInternals = {
    async handOff(callId) {
      const handle = live(callId);
      const record = handle.remoteSupportsReplaces ? recordOf(handle.session, true) : null;
      if (record) await handle.handOff();
      else {
        bus.emit('call.audioPlaced', {
          call: handle.call.getSnapshot(),
          tab: 'leading',
          reason: 'replacesUnsupported',
        });
      }
      return record;
    },
    moveTo(callId, leg) {
      const handle = live(callId);
      if (leg) dialogs.forget(handle.session.dialog?.callId ?? '');
      handle.moveTo(leg);
      if (handle.call.getSnapshot().status === 'ended') return;
      bus.emit('call.audioPlaced', {
        call: handle.call.getSnapshot(),
        tab: leg ? 'answering' : 'leading',
        reason: leg ? 'moved' : 'rejoinFailed',
      });
    },
    legChanged(callId, leg) {
      handles.get(callId)?.legChanged(leg);
    },
    dialogOf(callId) {
      const handle = live(callId);
      return recordOf(handle.session, handle.remoteSupportsReplaces);
    },
    legLost(callId, record) {
      const handle = handles.get(callId);
      const snapshot = handle?.call.getSnapshot();
      if (!handle?.moved || !snapshot || snapshot.status === 'ended') return;
      handle.legChanged({ ...snapshot, status: 'ended', endReason: 'connectionLost' });
      if (!record) return;
      dialogs.forget(record.callId);
      void sendBye(ua, record, clock, 5000);
    },
    legEvent(callId, event, payload) {
      const handle = handles.get(callId);
      if (!handle?.moved || !(legEvents as readonly string[]).includes(event)) return;
      const call = handle.call.getSnapshot();
      bus.emit(event as 'call.held', { ...payload, call });
    },
    async takeOver(record) {
      assertLive();
      legOnly = true;
      if (ua.state === UserAgentState.Started) {
        if (!transport.isConnected()) await transport.connect();
      } else await ua.start();
      return rejoin(record);
    },
  };
  return { phone, internals };
}

/** `sessionStorage` where it exists and may be used (sandboxed frames throw on access). */
function defaultDialogStorage(): DialogStorage | null {
  try {
    return (globalThis as { sessionStorage?: DialogStorage }).sessionStorage ?? null;
  } catch {
    return null;
  }
}
