import * as z from 'zod/mini';
import { CrmError } from '../errors';
import { parseOrThrow } from '../validate';

/** What a field mapping names on the vendor's side: a field id (Zendesk) or API name (the rest). */
export type VendorRef = string | number;

/** A custom field's value, as tickets carry it. */
export type CustomFieldValue = string | number | boolean | null;

/** A parsed field mapping for one adapter. */
export interface FieldMapping<R extends VendorRef = VendorRef> {
  /** Our custom-field names (the keys of `customFields` in tickets) to the vendor's fields. */
  readonly customFields: Readonly<Record<string, R>>;
  /** Where dispositions go, and our codes to the vendor's picklist values; `null` when unmapped. */
  readonly disposition: {
    /** The vendor's field that holds the outcome. */
    readonly field: R;
    /** Our disposition codes to the vendor's picklist values. */
    readonly values: Readonly<Record<string, string>>;
  } | null;
}

const picklistValue = z.string().check(z.minLength(1));

/**
 * The zod schema of a field mapping whose vendor references match `ref`, e.g. `z.int()` for
 * Zendesk field ids or a `cf_` pattern for Freshdesk, and whose picklist values match `value`
 * (any non-empty string by default; Dynamics option values are digits).
 */
export function fieldMappingSchema<R extends VendorRef>(
  ref: z.ZodMiniType<R>,
  value: z.ZodMiniType<string> = picklistValue,
) {
  return z.object({
    /** Our custom-field names to the vendor's fields. */
    customFields: z._default(z.record(z.string().check(z.minLength(1)), ref), {}),
    /** Where dispositions go, and our codes to the vendor's picklist values. */
    disposition: z._default(
      z.nullable(
        z.object({
          /** The vendor's field. */
          field: ref,
          /** Our codes to picklist values. */
          values: z.record(z.string().check(z.minLength(1)), value),
        }),
      ),
      null,
    ),
  });
}

/** Parses a mapping at configuration time: `CONFIG_INVALID` names the first bad entry. */
export function parseMapping<R extends VendorRef>(
  vendor: string,
  ref: z.ZodMiniType<R>,
  input: unknown,
  value?: z.ZodMiniType<string>,
): FieldMapping<R> {
  return parseOrThrow(
    fieldMappingSchema(ref, value),
    input ?? {},
    `${vendor} field mapping`,
    'CONFIG_INVALID',
  );
}

/** The vendor fields for a ticket's custom fields; an unmapped name fails `VALIDATION_FAILED`. */
export function mapCustomFields<R extends VendorRef>(
  mapping: FieldMapping<R>,
  fields: Readonly<Record<string, CustomFieldValue>>,
): [R, CustomFieldValue][] {
  return Object.entries(fields).map(([name, value]) => {
    const ref = mapping.customFields[name];
    if (ref === undefined) {
      throw new CrmError('VALIDATION_FAILED', `Custom field ${name} has no mapping.`, {
        issues: [{ path: ['customFields', name], message: 'not in the field mapping' }],
      });
    }
    return [ref, value];
  });
}

/** The vendor's picklist value for a disposition code; an unmapped code fails `VALIDATION_FAILED`. */
export function mapDisposition(mapping: FieldMapping, code: string | null): string | null {
  if (code === null || mapping.disposition === null) return null;
  const value = mapping.disposition.values[code];
  if (value === undefined) {
    throw new CrmError('VALIDATION_FAILED', `Disposition ${code} has no picklist value.`, {
      issues: [{ path: ['disposition'], message: 'not in the field mapping' }],
    });
  }
  return value;
}

/** Our disposition code for a vendor picklist value, if the mapping knows it. */
export function unmapDisposition(mapping: FieldMapping, value: unknown): string | null {
  if (mapping.disposition === null || typeof value !== 'string') return null;
  const found = Object.entries(mapping.disposition.values).find(([, vendor]) => vendor === value);
  return found?.[0] ?? null;
}
