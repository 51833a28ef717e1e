import {
  definePlugin,
  isSwitchboardError,
  type Permission,
  type PluginDefinition,
} from '@switchboard/core';
import {
  bridgeVersion,
  connectType,
  peerRequestSchema,
  type ConnectMessage,
  type DeskMessage,
  type PeerRequest,
} from './messages';
import { createSignedChannel, type DropReason, type SignedChannel } from './signedChannel';
import { createSessionKey, createSigner } from './signing';

/** The window a bridge talks to: an iframe's `contentWindow`, or `window.parent`. */
export interface PeerWindow {
  /** `Window.postMessage` with an exact target origin and a transferred port. */
  postMessage(message: unknown, targetOrigin: string, transfer: Transferable[]): void;
}

/** Options of {@link defineBridgePlugin}. */
export interface BridgePluginOptions {
  /** The plugin's name: its events, actions and storage namespace. */
  readonly name: string;
  /** The plugin's version. */
  readonly version: string;
  /** The peer's exact origin, e.g. `https://plugins.example.com`; never `*`. */
  readonly origin: string;
  /** Finds the peer window when the plugin starts (the iframe may load later). */
  readonly peer: () => PeerWindow | null | undefined;
  /**
   * What the peer may do, checked by the desk's plugin host on every call: `contact:read` to
   * receive contact events, `contact:write` to invoke contact actions, and so on.
   */
  readonly permissions: readonly Permission[];
  /** How often the handshake is offered until the peer takes it. Default 250 ms. */
  readonly retryMs?: number;
  /** How long to offer it before giving up. Default 30 s. */
  readonly connectTimeoutMs?: number;
}

/** How a bridge's link to its peer stands. */
export type BridgeStatus = 'connecting' | 'connected' | 'failed' | 'closed';

/** The API of a bridge plugin (`desk.plugin(name)`). */
export interface BridgeApi {
  /** How the link stands now. */
  status(): BridgeStatus;
  /** Messages dropped from the peer, by reason: a non-zero count means a faulty or hostile peer. */
  dropped(): Readonly<Record<DropReason, number>>;
}

const exactOrigin = (origin: string): string => {
  const parsed = new URL(origin);
  if (parsed.origin !== origin) throw new TypeError(`"${origin}" is not an exact origin`);
  return origin;
};

/**
 * Defines a desk plugin whose behaviour lives in another window: a sandboxed third-party plugin
 * in an iframe, or the CRM page around an embedded desk. The desk side offers the peer a
 * `MessagePort` and a per-session HMAC key through `postMessage` to the peer's exact origin only;
 * every later message goes over the port, signed and numbered. The peer subscribes to events
 * and invokes actions; the desk's plugin host checks each against `permissions`, exactly as for
 * a plugin in the page, and a refusal goes back to the peer as `PERMISSION_DENIED`.
 *
 * @example
 * ```ts
 * const scripts = defineBridgePlugin({
 *   name: 'acme-scripts',
 *   version: '1.0.0',
 *   origin: 'https://scripts.acme.example',
 *   peer: () => document.querySelector('iframe')?.contentWindow,
 *   permissions: ['contact:read'],
 * });
 * const desk = createDesk({ agent, plugins: [scripts] });
 * ```
 */
export function defineBridgePlugin(
  options: BridgePluginOptions,
): PluginDefinition<string, undefined, BridgeApi, never> {
  const origin = exactOrigin(options.origin);
  return definePlugin({
    name: options.name,
    version: options.version,
    permissions: [...options.permissions],
    setup(ctx) {
      let status: BridgeStatus = 'connecting';
      const dropped: Record<DropReason, number> = {
        malformed: 0,
        badSignature: 0,
        replayed: 0,
        invalid: 0,
      };
      const key = createSessionKey();
      const signer = createSigner(key);
      const offers: MessagePort[] = [];
      const subscriptions = new Map<string, () => void>();
      let link: SignedChannel<DeskMessage, PeerRequest> | undefined;

      const reply = (message: DeskMessage) => void link?.send(message);
      const failure = (error: unknown) =>
        isSwitchboardError(error)
          ? { code: error.code, message: error.message }
          : { code: 'INTERNAL', message: 'The request failed.' };

      const serve = async (request: PeerRequest) => {
        if (request.type === 'hello') return;
        if (request.type === 'unsubscribe') {
          subscriptions.get(request.event)?.();
          subscriptions.delete(request.event);
          return;
        }
        if (request.type === 'subscribe') {
          const id = `subscribe:${request.event}`;
          try {
            if (!subscriptions.has(request.event)) {
              const off = ctx.events.on(request.event as never, (payload: unknown) => {
                reply({ type: 'event', event: request.event, payload });
              });
              subscriptions.set(request.event, off);
            }
            reply({ type: 'result', id, ok: true });
          } catch (error) {
            reply({ type: 'result', id, ok: false, error: failure(error) });
          }
          return;
        }
        try {
          const value: unknown = await ctx.actions.invoke(
            request.action as never,
            request.payload as never,
          );
          reply({ type: 'result', id: request.id, ok: true, value });
        } catch (error) {
          reply({ type: 'result', id: request.id, ok: false, error: failure(error) });
        }
      };

      const offer = () => {
        const target = options.peer();
        if (!target) return;
        const channel = new MessageChannel();
        offers.push(channel.port1);
        const candidate = createSignedChannel<DeskMessage, PeerRequest>(
          channel.port1,
          signer,
          peerRequestSchema,
          (reason) => (dropped[reason] += 1),
        );
        candidate.onMessage((request) => {
          if (status === 'connecting' && request.type === 'hello') {
            status = 'connected';
            link = candidate;
            for (const other of offers) if (other !== channel.port1) other.close();
          }
          if (link === candidate) void serve(request);
        });
        const hello: ConnectMessage = {
          type: connectType,
          version: bridgeVersion,
          bridge: options.name,
          key,
          permissions: [...options.permissions],
        };
        target.postMessage(hello, origin, [channel.port2]);
      };

      const retryMs = options.retryMs ?? 250;
      const deadline = ctx.clock.now() + (options.connectTimeoutMs ?? 30_000);
      const attempt = () => {
        if (status !== 'connecting') return;
        if (ctx.clock.now() >= deadline) {
          status = 'failed';
          ctx.logger.warn(`Bridge ${options.name}: no peer at ${origin} took the handshake`);
          for (const port of offers) port.close();
          return;
        }
        timer = ctx.clock.setTimeout(attempt, retryMs);
        offer();
      };
      let timer = ctx.clock.setTimeout(attempt, 0);

      return {
        api: { status: () => status, dropped: () => ({ ...dropped }) } satisfies BridgeApi,
        dispose() {
          ctx.clock.clearTimeout(timer);
          for (const off of subscriptions.values()) off();
          for (const port of offers) port.close();
          status = 'closed';
        },
      };
    },
  });
}
