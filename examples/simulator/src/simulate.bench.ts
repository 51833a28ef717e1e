import { bench, describe } from 'vitest';
import { defaultScenario } from './defaultScenario';
import { simulate } from './simulate';

// The simulator's figures (issue target: the default 8-hour day in under 5 s). Each sample runs
// a whole simulation, so the table's mean is the wall time of one run; each run also prints its
// own time and simulated contacts per second (the report's `wall`).
describe('simulator', () => {
  for (const hours of [1, 8]) {
    const name = hours === defaultScenario.hours ? 'default day' : `first ${hours} h`;
    bench(
      `default scenario, ${hours} h, ${defaultScenario.agents} agents`,
      () => {
        const report = simulate(defaultScenario, { seed: 1, hours });
        const arrived = report.totals.arrived;
        console.log(
          `  ${name} (${hours} h, seed 1): ${(report.wall.ms / 1000).toFixed(2)} s, ${arrived} contacts, ${report.wall.contactsPerSecond} simulated contacts/s`,
        );
      },
      { iterations: 2, warmupIterations: 0, time: 0 },
    );
  }
});
