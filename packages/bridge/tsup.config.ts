import { defineBuild } from '../../tooling/tsup';

export default defineBuild({
  index: 'src/index.ts',
  peer: 'src/peer.ts',
  testing: 'src/testing.ts',
});
