import type { LoggedInteraction } from '@switchboard/crm-adapters';
import { useEffect, useState } from 'react';
import { channelLabel, dateTime, duration } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/** The customer's past contacts on every channel, newest first (the CRM's `getHistory`). */
export function History({ customerId }: { customerId: string }) {
  const { world } = useSession();
  const crmState = useStore(world.crm); // a new state after every write: read the history again
  const [history, setHistory] = useState<readonly LoggedInteraction[] | null>(null);

  useEffect(() => {
    let current = true;
    world.crm.getHistory(customerId).then(
      (interactions) => current && setHistory(interactions),
      () => current && setHistory([]),
    );
    return () => {
      current = false;
    };
  }, [world.crm, customerId, crmState]);

  return (
    <section aria-labelledby={`history-${customerId}`}>
      <h4 id={`history-${customerId}`}>History</h4>
      {history?.length === 0 && <p className="muted">No earlier contacts.</p>}
      <ol className="timeline">
        {history?.map((item) => (
          <li key={item.id}>
            <span className="badge">{channelLabel[item.channel]}</span>{' '}
            <time dateTime={new Date(item.at).toISOString()}>{dateTime(item.at)}</time>
            <span className="muted">
              {' '}
              · {duration(item.durationMs)} · {item.disposition ?? 'no disposition'}
            </span>
            {item.summary && <p>{item.summary}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
