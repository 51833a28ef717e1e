import { CrmError } from '../../errors';

/** An OData string literal: single-quoted, inner quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Checks that `id` is a Dataverse row id (a GUID) before it goes into a URL or filter. */
export function guid(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new CrmError('VALIDATION_FAILED', 'A Dynamics 365 row id is a GUID.', {
      issues: [{ path: ['id'], message: 'not a Dynamics 365 id' }],
    });
  }
  return id.toLowerCase();
}

/** A lookup column's bind: `{ "<navigation>@odata.bind": "/<set>(<id>)" }`. */
export function bind(navigation: string, set: string, id: string): Record<string, string> {
  return { [`${navigation}@odata.bind`]: `/${set}(${guid(id)})` };
}
