import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CrmError, crmErrorCodes, isCrmError, isTransient } from './errors';

describe('CrmError', () => {
  it('lists exactly the codes that docs/crm.md documents', () => {
    const markdown = readFileSync(new URL('../../../docs/crm.md', import.meta.url), 'utf8');
    const errors = markdown.slice(markdown.indexOf('## Errors'));
    const documented = [...errors.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(Object.keys(crmErrorCodes).sort());
  });

  it('counts rate limits, outages and unknown failures as transient, the rest as final', () => {
    expect(isTransient(new CrmError('RATE_LIMITED'))).toBe(true);
    expect(isTransient(new CrmError('UNAVAILABLE'))).toBe(true);
    expect(isTransient(new TypeError('fetch failed'))).toBe(true);
    expect(isTransient(new CrmError('VALIDATION_FAILED'))).toBe(false);
    expect(isTransient(new CrmError('AUTH_FAILED'))).toBe(false);
    expect(isCrmError(new CrmError('NOT_FOUND'), 'NOT_FOUND')).toBe(true);
    expect(new CrmError('NOT_FOUND').message).toBe(crmErrorCodes.NOT_FOUND);
  });
});
