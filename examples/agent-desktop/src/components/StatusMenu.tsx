import { duration } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/** Reasons the centre sets on its own, which an agent does not pick. */
const systemReasons = new Set(['missedOffers']);

/** The agent's status: available, or not ready with a reason code; and for how long. */
export function StatusMenu() {
  const { desk, world, run } = useSession();
  const { agent } = useStore(desk);
  const now = useStore(world.now);
  const { presence } = agent;
  const value = presence.status === 'notReady' ? `notReady:${presence.reason}` : presence.status;

  const choose = (choice: string) => {
    const [status, reason = ''] = choice.split(':');
    void run(() =>
      desk.setStatus(status === 'available' ? { status } : { status: 'notReady', reason }),
    );
  };

  return (
    <div className={`status status-${presence.status}`}>
      <label htmlFor="status">Status</label>
      <select id="status" value={value} onChange={(event) => choose(event.target.value)}>
        <option value="available">Available</option>
        <optgroup label="Not ready">
          {world.center.reasonCodes.map((reason) => (
            <option
              key={reason.code}
              value={`notReady:${reason.code}`}
              disabled={systemReasons.has(reason.code)}
            >
              {reason.label}
            </option>
          ))}
        </optgroup>
      </select>
      <time className="muted" aria-label="Time in status">
        {duration(Math.max(now, agent.since) - agent.since)}
      </time>
    </div>
  );
}
