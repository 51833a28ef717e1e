import type { Contact, TransferTargetInput } from '@switchboard/core';
import { useState } from 'react';
import { byName, channelLabel } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/** Hold, transfer, consult, conference and end: what the contact's status allows. */
export function ContactControls({ contact }: { contact: Contact }) {
  const { desk, world, run } = useSession();
  const { agents } = useStore(world.center);
  const colleagues = [...agents.values()]
    .filter(({ profile }) => profile.id !== desk.agentId)
    .sort(byName);
  const [target, setTarget] = useState('');
  const [consultWith, setConsultWith] = useState(colleagues[0]?.profile.id ?? '');
  const id = contact.id;

  if (contact.status === 'accepted') return <p className="muted">Connecting the customer…</p>;
  if (!['connected', 'onHold', 'inConsult', 'conferenced'].includes(contact.status)) return null;

  const transfer = () => {
    const [kind, to = ''] = target.split(':');
    const where: TransferTargetInput =
      kind === 'queue' ? { kind: 'queue', queueId: to } : { kind: 'agent', agentId: to };
    void run(() => desk.transfer(id, where));
  };

  return (
    <div className="controls">
      <div role="toolbar" aria-label="Contact controls" className="actions">
        {contact.status === 'connected' && (
          <button type="button" onClick={() => void run(() => desk.hold(id))}>
            Hold
          </button>
        )}
        {contact.status === 'onHold' && (
          <button type="button" onClick={() => void run(() => desk.resume(id))}>
            Resume
          </button>
        )}
        {contact.status === 'inConsult' && (
          <>
            <button type="button" onClick={() => void run(() => desk.conference(id))}>
              Conference
            </button>
            <button type="button" onClick={() => void run(() => desk.endConsult(id))}>
              End consult
            </button>
          </>
        )}
        <button type="button" className="danger" onClick={() => void run(() => desk.wrapUp(id))}>
          End {channelLabel[contact.channel].toLowerCase()}
        </button>
      </div>

      {contact.status !== 'conferenced' && (
        <div className="inline-forms">
          {contact.status !== 'inConsult' && (
            <div className="field-row">
              <label htmlFor={`consult-${id}`}>Consult</label>
              <select
                id={`consult-${id}`}
                value={consultWith}
                onChange={(event) => setConsultWith(event.target.value)}
              >
                {colleagues.map(({ profile }) => (
                  <option key={profile.id} value={profile.id}>
                    {profile.name}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => void run(() => desk.consult(id, consultWith))}>
                Consult
              </button>
            </div>
          )}
          <div className="field-row">
            <label htmlFor={`transfer-${id}`}>Transfer to</label>
            <select
              id={`transfer-${id}`}
              value={target}
              onChange={(event) => setTarget(event.target.value)}
            >
              <option value="">Choose…</option>
              <optgroup label="Agents">
                {colleagues.map(({ profile }) => (
                  <option key={profile.id} value={`agent:${profile.id}`}>
                    {profile.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Queues">
                {[...world.center.queues.values()].map((queue) => (
                  <option key={queue.id} value={`queue:${queue.id}`}>
                    {queue.name}
                  </option>
                ))}
              </optgroup>
            </select>
            <button type="button" disabled={target === ''} onClick={transfer}>
              Transfer
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
