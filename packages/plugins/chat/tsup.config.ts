import { defineBuild } from '../../../tooling/tsup';

export default defineBuild({ index: 'src/index.ts', client: 'src/client.ts', node: 'src/node.ts' });
