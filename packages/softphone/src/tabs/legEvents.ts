import type { SoftphoneEvents } from '../softphoneTypes';

/** Events of a leg that the leading tab emits for its call (with its own snapshot). */
export const legEvents = [
  'call.held',
  'call.resumed',
  'call.restored',
  'call.quality',
  'call.dtmfReceived',
  'call.transferred',
  'call.recordingPaused',
  'call.recordingResumed',
] as const satisfies readonly (keyof SoftphoneEvents)[];

/** One of {@link legEvents}. */
export type LegEvent = (typeof legEvents)[number];
