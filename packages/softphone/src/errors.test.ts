import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { softphoneErrorCodes } from './errors';

it('docs/softphone.md lists exactly the error codes', () => {
  const doc = readFileSync(new URL('../../../docs/softphone.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Errors'));
  const documented = [...section.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((match) => match[1]);
  expect(documented).toEqual(Object.keys(softphoneErrorCodes));
});
