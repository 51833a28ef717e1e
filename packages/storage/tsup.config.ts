import { defineBuild } from '../../tooling/tsup';

// Keep `node:` imports as written, so bundlers see at once that the file entry is Node only.
export default defineBuild(
  { index: 'src/index.ts', file: 'src/file.ts' },
  { removeNodeProtocol: false },
);
