import { defineBuild } from '../../tooling/tsup';

export default defineBuild({
  index: 'src/index.ts',
  testing: 'src/testing/index.ts',
  metrics: 'src/metrics/index.ts',
  tickets: 'src/tickets/index.ts',
  privacy: 'src/privacy/index.ts',
  history: 'src/history/index.ts',
  client: 'src/client/index.ts',
});
