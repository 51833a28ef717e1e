import type { CallMedia, MediaDescriptionOptions, MediaFactory } from './callMedia';

/** Options of {@link createStaticMedia}. */
export interface StaticMediaOptions {
  /** The address put in the SDP; `127.0.0.1` by default. */
  readonly address?: string;
  /** The RTP port announced; 9 (discard) by default. */
  readonly port?: number;
}

/**
 * Media for Node bots, server-side agents and tests: a fixed PCMU audio description that
 * follows hold and resume (`sendonly`/`recvonly`/`inactive`) but sends and receives no RTP.
 * DTMF goes by SIP INFO.
 *
 * @example
 * ```ts
 * const phone = createSoftphone({ ..., media: createStaticMedia(), webSocket: WebSocket });
 * ```
 */
export function createStaticMedia(options: StaticMediaOptions = {}): MediaFactory {
  const address = options.address ?? '127.0.0.1';
  const port = options.port ?? 9;
  return () => {
    const session = Math.floor(Math.random() * 1e9);
    let version = 0;
    let awaitingAnswer = false;
    let remoteOffer: string | null = null;
    const media: CallMedia = {
      getLocalDescription({ held }: MediaDescriptionOptions) {
        version += 1;
        const direction =
          remoteOffer === null ? (held ? 'sendonly' : 'sendrecv') : answerTo(remoteOffer, held);
        awaitingAnswer = remoteOffer === null;
        remoteOffer = null;
        return Promise.resolve(
          [
            'v=0',
            `o=- ${session} ${version} IN IP4 ${address}`,
            's=-',
            `c=IN IP4 ${address}`,
            't=0 0',
            `m=audio ${port} RTP/AVP 0 101`,
            'a=rtpmap:0 PCMU/8000',
            'a=rtpmap:101 telephone-event/8000',
            'a=fmtp:101 0-15',
            `a=${direction}`,
            '',
          ].join('\r\n'),
        );
      },
      setRemoteDescription(sdp: string) {
        const direction = /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(sdp)?.[1];
        if (awaitingAnswer) awaitingAnswer = false;
        else remoteOffer = direction ?? 'sendrecv';
        return Promise.resolve();
      },
      setMuted: () => undefined,
      close: () => undefined,
    };
    return media;
  };
}

/** The direction to answer an offer with: what we want, limited by what the far end offered. */
function answerTo(offer: string, held: boolean): string {
  const send = !held && (offer === 'sendrecv' || offer === 'recvonly');
  const receive = offer === 'sendrecv' || offer === 'sendonly';
  if (send && receive) return 'sendrecv';
  if (send) return 'sendonly';
  return receive ? 'recvonly' : 'inactive';
}
