import { useState } from 'react';
import { useSession } from '../sessionContext';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** DTMF tones on the call, e.g. to get through the far end's menu. */
export function Keypad({ contactId }: { contactId: string }) {
  const { voice, run } = useSession();
  const [sent, setSent] = useState('');
  const press = (key: string) =>
    void run(async () => {
      await voice.sendDtmf(contactId, key);
      setSent((tones) => tones + key);
    });

  return (
    <div className="keypad-wrap">
      <div role="group" aria-label="Keypad" className="keypad">
        {keys.map((key) => (
          <button key={key} type="button" aria-label={`Tone ${key}`} onClick={() => press(key)}>
            {key}
          </button>
        ))}
      </div>
      <output aria-live="polite" aria-label="Tones sent">
        {sent || '—'}
      </output>
    </div>
  );
}
