import type { SessionDescriptionHandler, SessionDescriptionHandlerOptions } from 'sip.js';
import type { CallMedia, MediaDescriptionOptions } from '../media/callMedia';

const SDP = 'application/sdp';

/** The options the softphone passes to sip.js for each offer/answer, read back here. */
export function descriptionOptions(
  options: MediaDescriptionOptions,
): SessionDescriptionHandlerOptions {
  return { ...options } as SessionDescriptionHandlerOptions;
}

function readOptions(
  options: SessionDescriptionHandlerOptions | undefined,
): MediaDescriptionOptions {
  const given = (options ?? {}) as Partial<MediaDescriptionOptions>;
  return { held: given.held === true, iceRestart: given.iceRestart === true };
}

/** Adapts our {@link CallMedia} to sip.js's session description handler. */
export function toSessionDescriptionHandler(media: CallMedia): SessionDescriptionHandler {
  return {
    close: () => {
      media.close();
    },
    async getDescription(options) {
      return { body: await media.getLocalDescription(readOptions(options)), contentType: SDP };
    },
    hasDescription: (contentType) => contentType === SDP,
    setDescription: (sdp, options) => media.setRemoteDescription(sdp, readOptions(options)),
    sendDtmf: (tones) => media.sendDtmf?.(tones) ?? false,
  };
}
