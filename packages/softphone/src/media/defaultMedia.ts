import { SoftphoneError } from '../errors';
import type { MediaFactory } from './callMedia';

/** The media used when none is given: none yet outside browsers, so Node must pass `media`. */
export function defaultMedia(): MediaFactory {
  throw new SoftphoneError(
    'INVALID_INPUT',
    'No media: pass `media` (e.g. createStaticMedia()) where WebRTC is not available.',
  );
}
