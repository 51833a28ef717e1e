import { createEventBus, silentLogger, systemClock } from '@switchboard/core';
import { Inviter, UserAgent } from 'sip.js';
import type { Call } from './call';
import { resolveTarget } from './core/target';
import { isSoftphoneError, SoftphoneError } from './errors';
import { createCallTable } from './phone/callTable';
import { createPhoneState } from './phone/phoneState';
import { createRegistration } from './phone/registration';
import { createSoftphoneInternals, type SoftphoneInternals } from './phone/softphoneInternals';
import { createUserAgent } from './phone/userAgent';
import { createCredentialLease } from './sip/credentialLease';
import { createDialogMemory, type DialogRecord, type DialogStorage } from './sip/dialogMemory';
import { descriptionOptions } from './sip/mediaAdapter';
import { rejoinOrphan } from './sip/rejoin';
import type { WebSocketTransportOptions } from './sip/webSocketTransport';
import { parseSoftphoneOptions, type SoftphoneOptions } from './softphoneOptions';
import type { Softphone, SoftphoneEvents } from './softphoneTypes';
import { watchWake } from './web/wakeWatcher';

export type { SoftphoneInternals } from './phone/softphoneInternals';

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
  const dialogs = createDialogMemory(
    options.dialogStorage === undefined ? defaultDialogStorage() : options.dialogStorage,
    options.uri,
  );
  const bus = createEventBus<SoftphoneEvents>((error, event) => {
    logger.error(`A softphone listener of ${event} threw`, { error });
  });
  let disposed = false;
  const report = (error: unknown) => {
    const typed = isSoftphoneError(error)
      ? error
      : new SoftphoneError('CALL_FAILED', String(error), { cause: error });
    logger.warn(typed.message, { code: typed.code, details: typed.details });
    bus.emit('error', { error: typed });
  };

  const state = createPhoneState(bus, () =>
    [...table.handles.values()].map((handle) => handle.call.getSnapshot()),
  );
  const { ua, transport } = createUserAgent(options, aor, webSocket, clock, logger, {
    ownerOf: (session) => table.ownerOf(session),
    incoming: (invitation) => {
      table.incoming(invitation, state.getSnapshot().calls.length > 0);
    },
    connectionLost: () => {
      registration.connectionLost();
    },
  });
  const lease = createCredentialLease(options.credentials, (password) => {
    ua.configuration.authorizationPassword = password;
  });
  const table = createCallTable({
    options,
    clock,
    random,
    bus,
    dialogs,
    domain,
    lease,
    canSignal: () => state.registration.status === 'registered',
    rebuild: state.rebuild,
    report,
  });
  const { handles, control } = table;
  const registration = createRegistration({
    options,
    ua,
    transport,
    clock,
    random,
    state,
    handles,
    lease,
    report,
    disposed: () => disposed,
    registered: () => void settleOrphans(),
  });

  const assertLive = () => {
    if (disposed) throw new SoftphoneError('DISPOSED');
  };

  /** Takes `record`'s dialog over with an INVITE with Replaces (a quiet attempt). */
  function rejoin(record: DialogRecord): Promise<Call | null> {
    return rejoinOrphan(record, {
      ua,
      track: (session) => table.track(session, null, true),
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
    getSnapshot: state.getSnapshot,
    subscribe: state.subscribe,
    on: (event, listener) => bus.on(event, listener),
    async register() {
      assertLive();
      return registration.register();
    },
    async unregister() {
      assertLive();
      return registration.unregister();
    },
    async call(target, callOptions = {}) {
      assertLive();
      const { status } = state.registration;
      if (status !== 'registered') {
        throw new SoftphoneError('INVALID_STATE', `Cannot call while ${status}.`, {
          details: { status },
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
      const handle = table.track(inviter, resolved.number);
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
      return registration.refresh();
    },
    async dispose() {
      if (disposed) return;
      const live = [...handles.values()].map((handle) => handle.call);
      await Promise.allSettled(live.map((call) => call.hangUp()));
      await phone.unregister().catch(() => undefined);
      disposed = true;
      stopWake();
      registration.stop();
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
          const { status } = state.registration;
          if (!disposed && (status === 'registered' || status === 'reconnecting')) {
            phone.refresh().catch(report);
          }
        },
        clock,
        options.wake || {},
      )
    : () => undefined;
  const internals = createSoftphoneInternals({
    handles,
    bus,
    dialogs,
    ua,
    clock,
    async connectForLegs() {
      assertLive();
      await registration.connectOnly();
    },
    rejoin,
  });
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
