import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { CrmError, isCrmError } from '../errors';
import { mapCustomFields, mapDisposition, parseMapping, unmapDisposition } from './fieldMapping';

describe('field mapping', () => {
  const ids = z.int().positive();

  it('is validated at configuration time with CONFIG_INVALID naming the bad entry', () => {
    let error: unknown;
    try {
      parseMapping('Zendesk', ids, { customFields: { order: 'not-an-id' } });
    } catch (thrown) {
      error = thrown;
    }
    expect(isCrmError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as CrmError).message).toContain('customFields.order');
    expect(() =>
      parseMapping('Zendesk', ids, { disposition: { field: 7, values: { resolved: '' } } }),
    ).toThrow(CrmError);
  });

  it('maps custom fields and dispositions both ways', () => {
    const mapping = parseMapping('Zendesk', ids, {
      customFields: { order: 11 },
      disposition: { field: 12, values: { resolved: 'fixed' } },
    });
    expect(mapCustomFields(mapping, { order: 'A-1' })).toEqual([[11, 'A-1']]);
    expect(mapDisposition(mapping, 'resolved')).toBe('fixed');
    expect(mapDisposition(mapping, null)).toBeNull();
    expect(unmapDisposition(mapping, 'fixed')).toBe('resolved');
    expect(unmapDisposition(mapping, 'other')).toBeNull();
    expect(() => mapCustomFields(mapping, { missing: 1 })).toThrow(CrmError);
  });

  it('leaves dispositions unmapped when no disposition field is configured', () => {
    const mapping = parseMapping('HubSpot', z.string(), undefined);
    expect(mapDisposition(mapping, 'resolved')).toBeNull();
  });
});
