import { bench, describe } from 'vitest';
import { defaultScenario } from './scenario';
import { simulate } from './simulate';

// The simulator's figures (issue target: the default 8-hour day in under 5 s). Each sample runs
// a whole simulation, so the table's mean is the wall time of one run; contacts per second is
// printed beside it.
describe('simulator', () => {
  for (const hours of [1, 8]) {
    bench(
      `default scenario, ${hours} h, 200 agents`,
      () => {
        const report = simulate(defaultScenario, { seed: 1, hours });
        console.log(
          `  ${hours} h: ${report.wall.contactsPerSecond} contacts/s, ${Math.round(report.wall.ms)} ms`,
        );
      },
      { iterations: 2, warmupIterations: 0, time: 0 },
    );
  }
});
