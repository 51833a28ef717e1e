import type { Contact } from '@switchboard/core';
import { duration } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

const recordingLabel = {
  paused: 'recording paused',
  none: 'no recording on this line',
  failed: 'the recording could not be paused',
};

/**
 * PCI pause (`@switchboard/plugin-redaction`): while the customer gives card data the call's
 * recording pauses (through the softphone's call when there is one) and the chat input is
 * masked; it resumes on request, after its time-out, or when the contact leaves `connected`.
 */
export function PciPause({ contact }: { contact: Contact }) {
  const { desk, world, run } = useSession();
  const pci = desk.plugin('redaction');
  const pause = useStore(pci).pauses.find((paused) => paused.contactId === contact.id);
  const now = useStore(world.now);

  if (!pause && contact.status !== 'connected') return null;
  return (
    <div className="pci" role="group" aria-label="Card payment">
      {pause ? (
        <>
          <p role="status">
            PCI pause: {recordingLabel[pause.recording]}, input masked; resumes in{' '}
            {duration(pause.resumeAt - now)}.
          </p>
          <button type="button" onClick={() => void run(() => pci.resume(contact.id))}>
            Resume recording
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void run(() => pci.pause(contact.id))}>
          Pause for card details
        </button>
      )}
    </div>
  );
}
