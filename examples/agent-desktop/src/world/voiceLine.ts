import type { Clock, Desk, Unsubscribe } from '@switchboard/core';
import type { Recording } from '@switchboard/plugin-redaction';

/** How the desk's calls reach a caller: a simulated one, or a softphone on a SIP registrar. */
export interface VoiceLine {
  /** What carries the audio, for the status bar. */
  readonly kind: 'simulated' | 'sip';
  /** Sends DTMF tones (`0-9`, `*`, `#`) on the call of a voice contact. */
  readonly sendDtmf: (contactId: string, tones: string) => Promise<void>;
  /** Audio bytes received on the call so far (`getStats`); `null` on the simulated line. */
  readonly bytesReceived: (contactId: string) => Promise<number | null>;
  /** The call's recording, which a PCI pause pauses; none on the simulated line. */
  readonly recording: (contactId: string) => Recording | undefined;
  /** Stops mirroring calls. */
  readonly dispose: () => void;
}

/** How long a simulated caller takes to hear the agent pick up. */
const ANSWER_MS = 1_000;

/**
 * The embedded default: a simulated caller on the end of every call. Once the agent accepts, the
 * media is up a moment later (the `connect` a softphone would report); tones go nowhere.
 */
export function createSimulatedLine(desk: Desk, clock: Clock): VoiceLine {
  const off: Unsubscribe = desk.events.on('contact.accepted', ({ contactId, state }) => {
    if (state.channel !== 'voice' || state.status !== 'accepted') return;
    clock.setTimeout(() => {
      const contact = desk.center.getSnapshot().contacts.get(contactId);
      if (contact?.status === 'accepted')
        desk.center.contactCommand(contactId, { type: 'connect' });
    }, ANSWER_MS);
  });
  return {
    kind: 'simulated',
    sendDtmf: () => Promise.resolve(),
    bytesReceived: () => Promise.resolve(null),
    recording: () => undefined,
    dispose: off,
  };
}
