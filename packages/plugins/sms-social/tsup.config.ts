import { defineBuild } from '../../../tooling/tsup';

// The main entry runs in browsers and Node (WebCrypto); `./node` adds the node:http adapter.
export default defineBuild(
  { index: 'src/index.ts', node: 'src/node.ts' },
  { removeNodeProtocol: false },
);
