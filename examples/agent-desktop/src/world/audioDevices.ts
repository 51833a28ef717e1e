import type { DeviceManager } from '@switchboard/softphone';
import type { Value } from './observable';

/**
 * Opens the softphone's device manager over the browser's `navigator.mediaDevices` (microphones
 * and speakers, listed and chosen before and during calls) into `into`; it stays `null` where the
 * page has no media devices (an insecure origin, an old browser). The softphone package loads on
 * its own, after the desktop shows.
 */
export async function openAudioDevices(into: Value<DeviceManager | null>): Promise<void> {
  const { createDeviceManager } = await import('@switchboard/softphone');
  try {
    into.set(createDeviceManager());
  } catch {
    into.set(null);
  }
}
