import { defineBuild } from '../../tooling/tsup';

export default defineBuild({
  index: 'src/index.ts',
  hubspot: 'src/hubspot.ts',
  salesforce: 'src/salesforce.ts',
  zendesk: 'src/zendesk.ts',
  dynamics: 'src/dynamics.ts',
  freshdesk: 'src/freshdesk.ts',
});
