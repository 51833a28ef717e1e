import { maybeDuration, percent } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/** The agent's KPIs today, from the core's KPI engine (`@switchboard/core/metrics`). */
export function Kpis() {
  const { desk, world } = useSession();
  useStore(world.center); // every change of the centre may move a figure
  useStore(desk.plugin('csat')); // so does every survey answer
  const now = useStore(world.now);
  const startOfDay = new Date(now).setUTCHours(0, 0, 0, 0);
  const row = world.kpis
    .report({ from: startOfDay, to: now, groupBy: 'agent' })
    .rows.find((candidate) => candidate.key === desk.agentId);
  const kpis = row?.kpis;

  const figures: [string, string][] = [
    ['Handled', String(row?.counts.handled ?? 0)],
    ['Average handle time', maybeDuration(kpis?.ahtMs ?? null)],
    ['Average response', maybeDuration(kpis?.responseTimeMs ?? null)],
    ['Occupancy', percent(kpis?.occupancy ?? null)],
    ['Utilisation', percent(kpis?.utilisation ?? null)],
    ['Transfer rate', percent(kpis?.transferRate ?? null)],
    // Survey answers the CSAT plugin booked in the KPI engine: the share scoring 4 or 5.
    ['CSAT', percent(kpis?.csat ?? null)],
  ];
  return (
    <section className="panel" aria-labelledby="kpis-title">
      <h2 id="kpis-title">My day</h2>
      <dl className="kpis">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
