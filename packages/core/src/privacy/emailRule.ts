import { defineRedactionRule } from './defineRedactionRule';

/** Email addresses: `local@domain.tld` (a top-level domain of 2 letters or more). */
export const emailRule = defineRedactionRule({
  name: 'email',
  pattern: /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9_])/,
});
