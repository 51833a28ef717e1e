import type { Clock, Logger } from '@switchboard/core';
import { Inviter, SIPExtension, UserAgent, type Invitation, type Session, type URI } from 'sip.js';
import { defaultMedia } from '../media/defaultMedia';
import { toSessionDescriptionHandler } from '../sip/mediaAdapter';
import type { CallHandle } from '../sip/sipCall';
import { WebSocketTransport, type WebSocketTransportOptions } from '../sip/webSocketTransport';
import type { SoftphoneOptions } from '../softphoneOptions';

/** What the user agent hands back to its softphone. */
export interface UserAgentHooks {
  /** The call a session belongs to, which gets the media made for that session. */
  readonly ownerOf: (session: Session) => CallHandle | undefined;
  /** An INVITE came in. */
  readonly incoming: (invitation: Invitation) => void;
  /** The connection dropped (not on a deliberate disconnect). */
  readonly connectionLost: () => void;
}

/**
 * The sip.js user agent of a softphone over our {@link WebSocketTransport} (no reconnection of
 * its own: the softphone's registration does that), with each call's media made by
 * `options.media` (WebRTC by default) and attached to the call it belongs to.
 */
export function createUserAgent(
  options: SoftphoneOptions,
  aor: URI,
  webSocket: WebSocketTransportOptions['webSocket'],
  clock: Clock,
  logger: Logger,
  hooks: UserAgentHooks,
): { ua: UserAgent; transport: WebSocketTransport } {
  const iceServers = options.iceServers ?? [];
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
      const owner = hooks.ownerOf(session);
      const media = factory({ callId: owner?.call.id ?? session.id, direction, iceServers });
      owner?.attachMedia(media);
      return toSessionDescriptionHandler(media);
    },
    delegate: {
      onInvite: hooks.incoming,
      onDisconnect: (error) => {
        if (error) hooks.connectionLost();
      },
    },
  });
  return { ua, transport: ua.transport as unknown as WebSocketTransport };
}
