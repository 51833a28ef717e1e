import { createEventBus, systemClock } from '@switchboard/core';
import type { Call, CallSnapshot } from '../call';
import { buildSoftphone, type SoftphoneInternals } from '../createSoftphone';
import { SoftphoneError } from '../errors';
import type { DialogRecord, DialogStorage } from '../sip/dialogMemory';
import { parseSoftphoneOptions, type SoftphoneOptions } from '../softphoneOptions';
import type { Conference, Softphone, SoftphoneEvents, SoftphoneSnapshot } from '../softphoneTypes';
import { createCallLegs } from './callLegs';
import { createLeaderCommands, type PerformCommand } from './leaderCommands';
import { createRemoteCall, createRemoteConference, type RemoteCall } from './remoteCall';
import {
  forwardedEvents,
  fromWireError,
  isLiveCall,
  readMessage,
  toWireError,
  type TabMessage,
  type WireConference,
} from './tabProtocol';

/** Which part a tab plays: it owns the registration, or it works through the tab that does. */
export type TabRole = 'electing' | 'leader' | 'follower';

/** Options of one lock request (those of `navigator.locks.request`). */
export interface TabLockRequest {
  /** Calls back at once with `null` when another tab holds the lock. */
  readonly ifAvailable?: boolean;
  /** Gives up waiting for the lock. */
  readonly signal?: AbortSignal;
}

/** The part of the Web Locks API (`navigator.locks`) the election uses. */
export interface TabLocks {
  /** Calls `callback` once the lock is held (or with `null` at once with `ifAvailable`). */
  request(
    name: string,
    options: TabLockRequest,
    callback: (lock: unknown) => Promise<void>,
  ): Promise<unknown>;
}

/** A message event of a {@link TabChannel}. */
export interface TabMessageEvent {
  /** What the other tab posted. */
  readonly data: unknown;
}

/** The part of a `BroadcastChannel` the tabs talk over. */
export interface TabChannel {
  /** Sends to every other tab on the channel. */
  postMessage(message: unknown): void;
  /** Receives from the other tabs. */
  onmessage: ((event: TabMessageEvent) => void) | null;
  /** Leaves the channel. */
  close(): void;
}

/** How tabs share one softphone. */
export interface TabOptions {
  /** The lock and channel name; `switchboard-softphone:` + the phone's URI by default. */
  readonly name?: string;
  /**
   * How long a follower waits for the leading tab to carry out a command, in ms; 10 000. A
   * transfer, which lasts until the far end's new call is answered, waits `transferTimeoutMs`
   * longer.
   */
  readonly commandTimeoutMs?: number;
  /** `navigator.locks` by default. */
  readonly locks?: TabLocks;
  /** Opens the channel; `new BroadcastChannel(name)` by default. */
  readonly channel?: (name: string) => TabChannel;
}

/** Options of {@link createSharedSoftphone}: a softphone's, plus how tabs share it. */
export interface SharedSoftphoneOptions extends SoftphoneOptions {
  /** Tab sharing. */
  readonly tabs?: TabOptions;
}

/** A {@link Softphone} shared by the tabs of one browser: one of them owns the registration. */
export interface SharedSoftphone extends Softphone {
  /** This tab's part; `tabs.roleChanged` fires when it changes. */
  getRole(): TabRole;
}

const idle: SoftphoneSnapshot = Object.freeze({
  registration: Object.freeze({ status: 'unregistered' as const }),
  calls: Object.freeze([]),
});
/** Headers of an incoming INVITE the other tabs can read through `call.header()`. */
const sharedHeaders = ['X-Switchboard-Contact-Id'];
const live = new Set(['registering', 'registered', 'reconnecting']);

/**
 * A softphone for apps that agents open in several tabs. The tabs elect one leader with Web
 * Locks: it alone registers (so a browser never holds two registrations of the user) and runs
 * the calls; it shares its state over a BroadcastChannel. The other tabs show the same snapshot
 * and events and control calls through the leader (answer, hang up, hold, ...). A call answered
 * in a follower tab **plays its audio in that tab**: the leader answers, then the tab takes the
 * dialog over with an INVITE with Replaces on its own unregistered connection (`call.audioPlaced`
 * says where the audio plays; it stays in the leader when the far end lacks Replaces). When the
 * leading tab closes, its lock is released and a waiting tab takes over at once: it registers
 * and rejoins (INVITE with Replaces) or ends (BYE) the calls the closed tab left, so no tab
 * shows a ghost call. Where Web Locks or BroadcastChannel are missing it
 * is a plain softphone.
 *
 * @example
 * ```ts
 * const phone = createSharedSoftphone({ server, uri, credentials });
 * phone.on('call.incoming', ({ call }) => showRinging(call)); // in every tab
 * await phone.register(); // registers once, whichever tab calls it
 * ```
 */
export function createSharedSoftphone(input: SharedSoftphoneOptions): SharedSoftphone {
  const { tabs = {}, ...options } = input;
  parseSoftphoneOptions(options);
  const scope = globalThis as {
    navigator?: { locks?: TabLocks };
    BroadcastChannel?: new (name: string) => TabChannel;
    localStorage?: DialogStorage;
  };
  const locks = tabs.locks ?? scope.navigator?.locks;
  const Channel = scope.BroadcastChannel;
  const openChannel = tabs.channel ?? (Channel ? (name: string) => new Channel(name) : undefined);
  const name = tabs.name ?? `switchboard-softphone:${options.uri}`;
  const timeoutMs = tabs.commandTimeoutMs ?? 10_000;
  const transferTimeoutMs = timeoutMs + (options.transferTimeoutMs ?? 30_000);
  const clock = options.clock ?? systemClock;
  const tabId = `${clock.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

  const tabOptions = {
    ...options,
    // Shared by the tabs, so the next leader settles the calls a closed leader (or leg) left.
    dialogStorage: options.dialogStorage === undefined ? scope.localStorage : options.dialogStorage,
  };
  const bus = createEventBus<SoftphoneEvents>();
  const changes = createEventBus<{ change: undefined }>();
  let role: TabRole = 'electing';
  let inner: Softphone | undefined;
  let internals: SoftphoneInternals | undefined;
  let perform: PerformCommand | undefined;
  let shared: SoftphoneSnapshot = idle;
  let wanted = false;
  let disposed = false;
  let sequence = 0;
  const remotes = new Map<string, RemoteCall>();
  const pending = new Map<
    string,
    { resolve(value: unknown): void; reject(error: SoftphoneError): void }
  >();
  const abort = new AbortController();
  const closed = new Promise<void>((resolve) => {
    abort.signal.addEventListener('abort', () => {
      resolve();
    });
  });
  let release: () => void = () => undefined;
  let decided: () => void = () => undefined;
  const elected = new Promise<void>((resolve) => {
    decided = resolve;
  });
  const channel = locks && openChannel ? openChannel(name) : undefined;
  const post = (message: TabMessage) => {
    channel?.postMessage(message);
  };

  const setRole = (next: TabRole) => {
    role = next;
    decided();
    bus.emit('tabs.roleChanged', { role: next });
    changes.emit('change', undefined);
  };
  const report = (error: unknown) => {
    bus.emit('error', {
      error: error instanceof SoftphoneError ? error : fromWireError(toWireError(error)),
    });
  };

  // Follower side: commands to the leader, calls mirrored from it.
  const send = (command: string, callId: string | null, args: readonly unknown[], to?: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = `${tabId}:${(sequence += 1).toString()}`;
      const timer = clock.setTimeout(
        () => {
          pending.delete(id);
          reject(
            new SoftphoneError('TRANSPORT_FAILED', `The leading tab did not answer ${command}.`),
          );
        },
        command === 'transfer' ? transferTimeoutMs : timeoutMs,
      );
      pending.set(id, {
        resolve: (value) => {
          clock.clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clock.clearTimeout(timer);
          reject(error);
        },
      });
      post({ type: 'command', from: tabId, to, id, name: command, callId, args });
    });
  // The calls this tab answered as a follower and carries (dialog and media) itself.
  const legs = createCallLegs(
    tabOptions,
    (callId, snapshot) => {
      post({ type: 'leg', from: tabId, callId, snapshot });
    },
    (callId, name, payload) => {
      const snapshot = payload.call as CallSnapshot;
      post({ type: 'leg', from: tabId, callId, snapshot, event: { name, payload } });
    },
  );
  /**
   * Answers in a follower tab: the leading tab answers, then this tab takes the dialog over
   * with an INVITE with Replaces on its own unregistered connection, so the audio plays here.
   * The leading tab keeps the call (same id everywhere); `call.audioPlaced` says where it plays.
   */
  const answerHere = async (callId: string, answerOptions: unknown) => {
    const record = (await send('answerHere', callId, [answerOptions])) as DialogRecord | null;
    if (!record) return; // the far end cannot take Replaces: the audio stays in the leader
    if (!(await legs.open(callId, record))) {
      await send('handOff.failed', callId, []);
      return;
    }
    // Held while this tab lives: the leading tab gets it once this tab closes, and ends the call.
    await new Promise<void>((granted) => {
      void locks
        ?.request(`${name}:leg:${callId}`, {}, () => {
          granted();
          return closed;
        })
        .catch(() => undefined);
      if (!locks) granted();
    });
    await send('handOff.done', callId, [legs.dialogOf(callId)]);
  };
  const remoteFor = (snapshot: CallSnapshot, headers: Record<string, string> = {}): Call => {
    let remote = remotes.get(snapshot.id);
    if (!remote) {
      remote = createRemoteCall(snapshot, send, report, (answerOptions) =>
        answerHere(snapshot.id, answerOptions ?? {}),
      );
      remotes.set(snapshot.id, remote);
    }
    remote.addHeaders(headers);
    remote.update(snapshot);
    return remote.call;
  };

  function onMessage(message: TabMessage) {
    if (message.type === 'hello' && role === 'leader') publish();
    else if (message.type === 'command' && message.to === tabId) void execute(message);
    else if (message.type === 'command' && !message.to && role === 'leader') void execute(message);
    else if (message.type === 'leg' && role === 'leader') {
      if (message.event)
        internals?.legEvent(message.callId, message.event.name, message.event.payload);
      else internals?.legChanged(message.callId, message.snapshot);
    } else if (message.type === 'state' && role === 'follower') {
      shared = message.snapshot;
      for (const call of shared.calls) remoteFor(call);
      changes.emit('change', undefined);
    } else if (message.type === 'event' && role === 'follower') {
      bus.emit(message.name, fromWire(message.payload, message.headers) as never);
    } else if (message.type === 'result' && message.to === tabId) {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiting?.reject(fromWireError(message.error));
      else waiting?.resolve(message.value);
    }
  }
  const fromWire = (payload: Record<string, unknown>, headers?: Record<string, string>) => {
    const local: Record<string, unknown> = { ...payload };
    const call = payload.call as CallSnapshot | undefined;
    if (call) {
      const handle = remoteFor(call, headers);
      if (payload.live) local.call = handle;
      if (call.status === 'ended') remotes.delete(call.id);
      delete local.live;
    }
    if (payload.error) local.error = fromWireError(payload.error as never);
    return local;
  };

  // Leader side: the real softphone, its state and events shared with the other tabs.
  const publish = () => {
    if (inner) post({ type: 'state', from: tabId, snapshot: inner.getSnapshot() });
  };
  async function execute(message: Extract<TabMessage, { type: 'command' }>) {
    const reply = (result: { value?: unknown; error?: ReturnType<typeof toWireError> }) => {
      post({ type: 'result', from: tabId, to: message.from, id: message.id, ...result });
    };
    try {
      if (message.to) {
        reply({ value: await legs.run(message.callId ?? '', message.name, message.args) });
        return;
      }
      if (!perform) throw new SoftphoneError('INVALID_STATE', 'This tab does not lead.');
      reply({ value: await perform(message.name, message.callId, message.args, message.from) });
    } catch (error) {
      reply({ error: toWireError(error) });
    }
  }
  async function lead(): Promise<void> {
    if (disposed) return;
    // Calls shown from the tab that led before died with it: end them here.
    for (const remote of remotes.values()) {
      const before = remote.call.getSnapshot();
      if (before.status === 'ended') continue;
      remote.update({
        ...before,
        status: 'ended',
        endedAt: clock.now(),
        endReason: 'connectionLost',
      });
      bus.emit('call.ended', { call: remote.call.getSnapshot() });
    }
    remotes.clear();
    for (const waiting of pending.values()) {
      waiting.reject(new SoftphoneError('TRANSPORT_FAILED', 'The leading tab closed.'));
    }
    pending.clear();
    const restart = wanted || live.has(shared.registration.status);
    const built = buildSoftphone(tabOptions);
    const phone = built.phone;
    inner = phone;
    internals = built.internals;
    perform = withHandOff(createLeaderCommands(phone), built.internals);
    phone.subscribe(() => {
      changes.emit('change', undefined);
      publish();
    });
    for (const event of Object.keys(forwardedEvents) as (keyof SoftphoneEvents)[]) {
      if (!forwardedEvents[event]) continue;
      phone.on(event, (payload) => {
        bus.emit(event, payload);
        const wire: Record<string, unknown> = { ...payload };
        let headers: Record<string, string> | undefined;
        if ('call' in payload && isLiveCall(payload.call)) {
          const call = payload.call;
          wire.call = call.getSnapshot();
          wire.live = true;
          headers = {};
          for (const header of sharedHeaders) {
            const value = call.header(header);
            if (value !== null) headers[header.toLowerCase()] = value;
          }
        }
        if ('error' in payload) wire.error = toWireError(payload.error);
        post({ type: 'event', from: tabId, name: event, payload: wire, headers });
      });
    }
    setRole('leader');
    publish();
    if (restart) phone.register().catch(report);
    await new Promise<void>((resolve) => {
      release = resolve;
    });
  }

  /**
   * The leading tab's side of a follower's answer: answers, gives the dialog's facts to the
   * answering tab, and once it took the call over hands the call's controls to it.
   */
  function withHandOff(base: PerformCommand, calls: SoftphoneInternals): PerformCommand {
    return async (command, callId, args, from) => {
      if (callId === null || !from) return base(command, callId, args);
      if (command === 'answerHere') {
        await base('answer', callId, args);
        return calls.handOff(callId);
      }
      if (command === 'handOff.done' || command === 'handOff.failed') {
        const record = (args[0] ?? null) as DialogRecord | null;
        const leg = {
          run: (name: string, rest: readonly unknown[]) => send(name, callId, rest, from),
          record,
        };
        calls.moveTo(callId, command === 'handOff.done' ? leg : null);
        if (command === 'handOff.done') {
          void locks
            ?.request(`${name}:leg:${callId}`, { signal: abort.signal }, () => {
              calls.legLost(callId, record);
              return Promise.resolve();
            })
            .catch(() => undefined);
        }
        return undefined;
      }
      return base(command, callId, args);
    };
  }

  if (channel && locks) {
    channel.onmessage = ({ data }) => {
      const message = readMessage(data);
      if (message && message.from !== tabId) onMessage(message);
    };
    void locks
      .request(name, { ifAvailable: true }, async (lock) => {
        if (lock) return lead();
        setRole('follower');
        post({ type: 'hello', from: tabId });
        await locks.request(name, { signal: abort.signal }, () => lead()).catch(() => undefined);
      })
      .catch(report);
  } else {
    void lead(); // no tabs to share with: lead alone
  }

  const viaLeader = async <T>(
    local: (phone: Softphone) => Promise<T>,
    command: string,
    args: readonly unknown[] = [],
  ): Promise<T> => {
    if (disposed) throw new SoftphoneError('DISPOSED');
    await elected;
    if (inner) return local(inner);
    return (await send(command, null, args)) as T;
  };

  return {
    getSnapshot: () => inner?.getSnapshot() ?? shared,
    subscribe: (listener) => changes.on('change', listener),
    on: (event, listener) => bus.on(event, listener),
    getRole: () => role,
    register() {
      wanted = true;
      return viaLeader((phone) => phone.register(), 'register');
    },
    unregister() {
      wanted = false;
      return viaLeader((phone) => phone.unregister(), 'unregister');
    },
    refresh: () => viaLeader((phone) => phone.refresh(), 'refresh'),
    async call(target, callOptions) {
      const placed = await viaLeader(
        async (phone) => (await phone.call(target, callOptions)).getSnapshot(),
        'call',
        [target, callOptions],
      );
      return inner?.getCall(placed.id) ?? remoteFor(placed);
    },
    getCall: (id) => inner?.getCall(id) ?? remotes.get(id)?.call,
    switchTo: (callId) => viaLeader((phone) => phone.switchTo(callId), 'switchTo', [callId]),
    async conference(calls) {
      const joined = await viaLeader<Conference | WireConference>(
        (phone) => phone.conference(calls),
        'conference',
        [calls.map((call) => call.id)],
      );
      return 'split' in joined ? joined : createRemoteConference(joined, calls, send);
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      abort.abort();
      await legs.dispose();
      await inner?.dispose();
      release();
      channel?.close();
    },
  };
}
