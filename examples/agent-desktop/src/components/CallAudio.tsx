import { useEffect, useState } from 'react';
import { useSession } from '../sessionContext';

/** How often the figure is read from the call's `getStats`. */
const EVERY_MS = 1_000;

/**
 * The audio of a SIP call: the bytes received so far, from the softphone call's `getStats`, read
 * once a second; silent media shows at once. Nothing on the simulated line.
 */
export function CallAudio({ contactId }: { contactId: string }) {
  const { voice } = useSession();
  const [bytes, setBytes] = useState<number | null>(null);
  useEffect(() => {
    if (voice.kind !== 'sip') return undefined;
    let live = true;
    const read = () => {
      voice.bytesReceived(contactId).then(
        (received) => live && setBytes(received),
        () => undefined,
      );
    };
    // A UI timer on the browser's clock: media flows in real time whatever the centre's clock.
    const timer = window.setInterval(read, EVERY_MS);
    read();
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [voice, contactId]);

  if (bytes === null) return null;
  return (
    <p role="status" aria-label="Call audio" className="muted">
      Audio received: {(bytes / 1024).toFixed(1)} KB
    </p>
  );
}
