import { defineBuild } from '../../../tooling/tsup';

// The browser entry never imports nodemailer or mailparser; only `./node` does.
export default defineBuild(
  { index: 'src/index.ts', node: 'src/node.ts' },
  { removeNodeProtocol: false, external: ['nodemailer', 'mailparser'] },
);
