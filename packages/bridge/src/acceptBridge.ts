import { SwitchboardError, type Unsubscribe } from '@switchboard/core';
import * as z from 'zod/mini';
import {
  bridgeVersion,
  connectMessageSchema,
  connectType,
  deskMessageSchema,
  type DeskMessage,
  type PeerRequest,
} from './messages';
import { createSignedChannel, type DropReason } from './signedChannel';
import { createSigner } from './signing';

/** Where handshakes arrive: the page's `window`. */
export interface HandshakeTarget {
  /** Subscribes to `message` events. */
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  /** Unsubscribes. */
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Options of {@link acceptBridge}. */
export interface AcceptBridgeOptions {
  /** The exact origins a desk may connect from, e.g. `['https://desk.example.com']`. */
  readonly allowedOrigins: readonly string[];
  /** Only a handshake for this bridge (the desk's plugin name) is taken. */
  readonly bridge: string;
  /** Only a handshake from this window is taken: `window.parent`, or the desk iframe's window. */
  readonly source?: unknown;
  /** Where handshakes arrive; the global `window` by default. */
  readonly target?: HandshakeTarget;
  /** Called for every handshake refused (wrong origin, source, bridge or version). */
  readonly onRefused?: (reason: string, origin: string) => void;
  /** How long to wait for a handshake; rejects with `UNAVAILABLE` after. Default 30 s. */
  readonly timeoutMs?: number;
}

/** The peer's end of a bridge: the desk's events and actions, as the desk side permits. */
export interface BridgePeer {
  /** The origin of the desk that connected. */
  readonly origin: string;
  /** What the desk side granted. */
  readonly permissions: readonly string[];
  /**
   * Receives `event` (e.g. `contact.offered`) from the desk. Resolves to an unsubscribe once
   * subscribed; rejects with `PERMISSION_DENIED` when the bridge may not read it.
   */
  on(event: string, listener: (payload: unknown) => void): Promise<Unsubscribe>;
  /** Invokes a desk action; rejects with the desk's error code (`PERMISSION_DENIED`, ...). */
  invoke(action: string, payload: unknown): Promise<unknown>;
  /** Messages from the desk dropped by reason (a bad signature, a replay, ...). */
  dropped(): Readonly<Record<DropReason, number>>;
  /** Closes the port. */
  close(): void;
}

/**
 * Waits for a desk's bridge handshake and returns the peer's end. A handshake is taken only
 * from an origin in `allowedOrigins` (compared exactly), from `source` when given, for `bridge`
 * and in this protocol version; every other message is ignored. Later messages arrive on the
 * transferred port, each checked against the session key's signature and sequence.
 *
 * @example
 * ```ts
 * const desk = await acceptBridge({
 *   allowedOrigins: ['https://desk.example.com'],
 *   bridge: 'crm',
 *   source: document.querySelector('iframe')?.contentWindow,
 * });
 * await desk.on('contact.offered', (payload) => popCustomer(payload));
 * await desk.invoke('contact.dial', { channel: 'voice', customer: { phone: '+15551234567' } });
 * ```
 */
export function acceptBridge(options: AcceptBridgeOptions): Promise<BridgePeer> {
  const target: HandshakeTarget = options.target ?? globalThis;
  return new Promise<BridgePeer>((resolve, reject) => {
    const timer = setTimeout(() => {
      target.removeEventListener('message', onHandshake);
      reject(new SwitchboardError('UNAVAILABLE', `No desk connected bridge ${options.bridge}.`));
    }, options.timeoutMs ?? 30_000);

    function onHandshake(event: MessageEvent) {
      const data = event.data as { type?: unknown } | null;
      if (typeof data !== 'object' || data === null || data.type !== connectType) return;
      const refuse = (reason: string) => options.onRefused?.(reason, event.origin);
      if (!options.allowedOrigins.includes(event.origin)) return refuse('origin');
      if (options.source !== undefined && event.source !== options.source) return refuse('source');
      const parsed = z.safeParse(connectMessageSchema, data);
      const port = event.ports[0];
      if (!parsed.success || !port) return refuse('malformed');
      if (parsed.data.bridge !== options.bridge) return refuse('bridge');
      if (parsed.data.version !== bridgeVersion) return refuse('version');
      clearTimeout(timer);
      target.removeEventListener('message', onHandshake);
      resolve(openPeer(port, parsed.data.key, parsed.data.permissions, event.origin));
    }
    target.addEventListener('message', onHandshake);
  });
}

function openPeer(
  port: MessagePort,
  key: string,
  permissions: readonly string[],
  origin: string,
): BridgePeer {
  const dropped: Record<DropReason, number> = {
    malformed: 0,
    badSignature: 0,
    replayed: 0,
    invalid: 0,
  };
  const channel = createSignedChannel<PeerRequest, DeskMessage>(
    port,
    createSigner(key),
    deskMessageSchema,
    (reason) => (dropped[reason] += 1),
  );
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const waiting = new Map<
    string,
    { resolve(value: unknown): void; reject(error: unknown): void }
  >();
  let next = 1;

  channel.onMessage((message) => {
    if (message.type === 'event') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else
      waiter?.reject(
        new SwitchboardError(
          (message.error?.code ?? 'UNAVAILABLE') as never,
          message.error?.message ?? 'The desk refused the request.',
        ),
      );
  });
  const request = (id: string, body: PeerRequest) =>
    new Promise<unknown>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      void channel.send(body);
    });
  void channel.send({ type: 'hello' });

  return {
    origin,
    permissions,
    async on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      try {
        await request(`subscribe:${event}`, { type: 'subscribe', event });
      } catch (error) {
        set.delete(listener);
        throw error;
      }
      return () => {
        set.delete(listener);
        if (set.size === 0) void channel.send({ type: 'unsubscribe', event });
      };
    },
    invoke: (action, payload) => {
      const id = `r${next++}`;
      return request(id, { type: 'invoke', id, action, payload });
    },
    dropped: () => ({ ...dropped }),
    close: () => {
      channel.close();
    },
  };
}
