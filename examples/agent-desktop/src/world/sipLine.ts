import type { Desk } from '@switchboard/core';
import type { DeviceManager } from '@switchboard/softphone';
import type { SipSettings } from '../config';
import type { VoiceLine } from './voiceLine';

/**
 * Calls through a real SIP registrar: a WebRTC softphone registered as the agent, its calls
 * mirrored onto the desk's voice contacts by `bindSoftphone`. The softphone (sip.js) is loaded
 * only when SIP is configured, so the embedded default does not download it.
 */
export async function createSipLine(
  desk: Desk,
  sip: SipSettings,
  onError: (error: unknown) => void,
  devices: DeviceManager | null,
): Promise<VoiceLine> {
  const { bindSoftphone, createSoftphone, createWebRtcMedia } =
    await import('@switchboard/softphone');
  const phone = createSoftphone({
    server: sip.server,
    uri: sip.uri.replace('{agent}', desk.agentId),
    credentials: () => sip.password,
    // The microphone and speaker the agent picked; a change mid-call switches the call's devices.
    media: createWebRtcMedia(devices ? { devices } : {}),
    iceServers: sip.iceServers,
  });
  const binding = bindSoftphone(desk, phone, { onError });
  await phone.register();
  return {
    kind: 'sip',
    sendDtmf: async (contactId, tones) => {
      await binding.callOf(contactId)?.sendDtmf(tones);
    },
    bytesReceived: async (contactId) =>
      (await binding.callOf(contactId)?.getStats())?.bytesReceived ?? null,
    recording: (contactId) => binding.callOf(contactId),
    dispose: () => {
      binding.unbind();
      phone.dispose().catch(onError);
    },
  };
}
