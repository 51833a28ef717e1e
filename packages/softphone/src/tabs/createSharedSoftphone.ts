import { createEventBus, systemClock } from '@switchboard/core';
import type { CallSnapshot } from '../call';
import { buildSoftphone, type SoftphoneInternals } from '../createSoftphone';
import { SoftphoneError } from '../errors';
import type { DialogStorage } from '../sip/dialogMemory';
import { parseSoftphoneOptions } from '../softphoneOptions';
import type { Conference, Softphone, SoftphoneEvents, SoftphoneSnapshot } from '../softphoneTypes';
import { createAudioHandOff } from './audioHandOff';
import { createCallLegs } from './callLegs';
import { createFollowerCalls } from './followerCalls';
import { createLeaderCommands, type PerformCommand } from './leaderCommands';
import { createRemoteConference } from './remoteCall';
import type {
  SharedSoftphone,
  SharedSoftphoneOptions,
  TabChannel,
  TabLocks,
  TabRole,
} from './sharedSoftphoneTypes';
import { createTabCommands } from './tabCommands';
import {
  forwardedEvents,
  fromWireError,
  readMessage,
  toWireError,
  toWireEvent,
  type TabMessage,
  type WireConference,
} from './tabProtocol';

const idle: SoftphoneSnapshot = Object.freeze({
  registration: Object.freeze({ status: 'unregistered' as const }),
  calls: Object.freeze([]),
});
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
  const abort = new AbortController();
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

  const commands = createTabCommands({
    tabId,
    clock,
    post,
    timeoutMs,
    transferTimeoutMs: timeoutMs + (options.transferTimeoutMs ?? 30_000),
  });
  const { send } = commands;
  // The calls this tab answered as a follower and carries (dialog and media) itself.
  const legs = createCallLegs(
    tabOptions,
    (callId, snapshot) => {
      post({ type: 'leg', from: tabId, callId, snapshot });
    },
    (callId, event, payload) => {
      const snapshot = payload.call as CallSnapshot;
      post({ type: 'leg', from: tabId, callId, snapshot, event: { name: event, payload } });
    },
  );
  const handOff = createAudioHandOff({ send, legs, locks, name, signal: abort.signal });
  // Follower side: the leading tab's calls, mirrored.
  const remotes = createFollowerCalls({
    send,
    report,
    answerHere: handOff.answerHere,
    ended: (call) => {
      bus.emit('call.ended', { call });
    },
    clock,
  });

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
      for (const call of shared.calls) remotes.show(call);
      changes.emit('change', undefined);
    } else if (message.type === 'event' && role === 'follower') {
      bus.emit(message.name, remotes.fromWire(message.payload, message.headers) as never);
    } else if (message.type === 'result' && message.to === tabId) {
      commands.settle(message);
    }
  }

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
    remotes.endAll();
    commands.leaderClosed();
    const restart = wanted || live.has(shared.registration.status);
    const built = buildSoftphone(tabOptions);
    const phone = built.phone;
    inner = phone;
    internals = built.internals;
    perform = handOff.withHandOff(createLeaderCommands(phone), built.internals);
    phone.subscribe(() => {
      changes.emit('change', undefined);
      publish();
    });
    for (const event of Object.keys(forwardedEvents) as (keyof SoftphoneEvents)[]) {
      if (!forwardedEvents[event]) continue;
      phone.on(event, (payload) => {
        bus.emit(event, payload);
        post({ type: 'event', from: tabId, name: event, ...toWireEvent(payload) });
      });
    }
    setRole('leader');
    publish();
    if (restart) phone.register().catch(report);
    await new Promise<void>((resolve) => {
      release = resolve;
    });
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
      return inner?.getCall(placed.id) ?? remotes.show(placed);
    },
    getCall: (id) => inner?.getCall(id) ?? remotes.get(id),
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
