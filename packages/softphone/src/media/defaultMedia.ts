import { SoftphoneError } from '../errors';
import type { MediaFactory } from './callMedia';
import { createWebRtcMedia } from './webRtcMedia';

/** The media used when none is given: WebRTC where it exists; Node must pass `media`. */
export function defaultMedia(): MediaFactory {
  if (typeof RTCPeerConnection === 'undefined') {
    throw new SoftphoneError(
      'INVALID_INPUT',
      'No media: pass `media` (e.g. createStaticMedia()) where WebRTC is not available.',
    );
  }
  return createWebRtcMedia();
}
