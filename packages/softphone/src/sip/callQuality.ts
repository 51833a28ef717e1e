import type { TimerHandle } from '@switchboard/core';
import type { CallSnapshot } from '../call';
import { estimateMos } from '../core/mos';
import type { CallMedia, MediaStatsSample } from '../media/callMedia';
import type { CallContext } from './sipCall';

/** Samples a connected call's media figures on the clock for `call.quality`. @internal */
export interface QualitySampler {
  /** Starts sampling every `qualityIntervalMs` (never when it is 0) while the call is connected. */
  readonly start: () => void;
  /** Stops sampling. */
  readonly stop: () => void;
}

/**
 * The {@link QualitySampler} of one call: each sample's packet loss is counted since the one
 * before, and scored as a MOS. @internal
 */
export function createQualitySampler(
  context: Pick<CallContext, 'clock' | 'emit' | 'qualityIntervalMs'>,
  snapshot: () => CallSnapshot,
  media: () => CallMedia | undefined,
): QualitySampler {
  const { clock } = context;
  let timer: TimerHandle;
  let previous: MediaStatsSample | null = null;
  const sample = () => {
    timer = clock.setTimeout(() => {
      if (snapshot().status !== 'connected') return;
      void media()
        ?.getStats?.()
        .then((stats) => {
          if (stats && snapshot().status === 'connected') {
            const lost = stats.packetsLost - (previous?.packetsLost ?? 0);
            const received = stats.packetsReceived - (previous?.packetsReceived ?? 0);
            const lossPercent =
              lost + received > 0 ? (100 * Math.max(0, lost)) / (lost + received) : 0;
            previous = stats;
            const mos = estimateMos(stats.roundTripMs ?? 0, stats.jitterMs, lossPercent);
            context.emit('call.quality', { call: snapshot(), stats, lossPercent, mos });
          }
        })
        .catch(() => undefined);
      sample();
    }, context.qualityIntervalMs);
  };
  return {
    start() {
      if (context.qualityIntervalMs > 0) sample();
    },
    stop() {
      clock.clearTimeout(timer);
    },
  };
}
