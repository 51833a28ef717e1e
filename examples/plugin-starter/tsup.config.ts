import { defineBuild } from '../../tooling/tsup';

export default defineBuild({ index: 'src/index.ts' });
