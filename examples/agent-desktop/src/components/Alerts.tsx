import type { Alert } from '@switchboard/plugin-supervisor';
import { duration } from '../format';
import { useSession } from '../sessionContext';

/** What each alert watches, for people. */
function describe(alert: Alert, queueName: (id: string) => string): string {
  const where = alert.queueId === null ? 'the centre' : queueName(alert.queueId);
  switch (alert.kind) {
    case 'serviceLevel':
      return `Service level of ${where} at ${String(Math.round(alert.value))} % (target ${String(alert.threshold)} %)`;
    case 'longestWait':
      return `Longest wait in ${where}: ${duration(alert.value)} (limit ${duration(alert.threshold)})`;
    case 'notReady':
      return `${String(Math.round(alert.value))} % of agents not ready (limit ${String(alert.threshold)} %)`;
  }
}

/** The supervisor desk's raised alerts (thresholds on service level, waits, not-ready share). */
export function Alerts({ alerts }: { alerts: readonly Alert[] }) {
  const { world } = useSession();
  const names = new Map<string, string>(
    [...world.center.queues.values()].map((queue) => [queue.id, queue.name]),
  );
  const queueName = (id: string) => names.get(id) ?? id;
  return (
    <div aria-live="polite">
      <h3 id="alerts-title">Alerts</h3>
      {alerts.length === 0 ? (
        <p className="muted">No alert.</p>
      ) : (
        <ul className="alerts" aria-labelledby="alerts-title">
          {alerts.map((alert) => (
            <li key={alert.id} className="alert">
              {describe(alert, queueName)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
