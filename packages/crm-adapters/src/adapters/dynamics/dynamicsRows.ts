import type { Customer, CustomerId } from '@switchboard/core';
import { unmapDisposition, type FieldMapping } from '../../mapping/fieldMapping';
import type { LoggedInteraction } from '../../model/interaction';
import { emailField } from '../customerFields';
import type { DynamicsContact, DynamicsPhonecall } from './dynamicsSchemas';

/** A contact row as a core {@link Customer}. */
export function customerOfContact(c: DynamicsContact): Customer {
  const name = c.fullname ?? [c.firstname, c.lastname].filter(Boolean).join(' ');
  const phone = c.telephone1 ?? c.mobilephone;
  return {
    id: c.contactid as CustomerId,
    ...(name ? { name } : {}),
    ...emailField(c.emailaddress1),
    ...(phone ? { phone } : {}),
    attributes: {},
  };
}

/**
 * A phonecall activity as a {@link LoggedInteraction}: duration from `actualstart` and
 * `actualend` (minutes only when they are missing), disposition read from the mapped column.
 */
export function interactionOfCall(p: DynamicsPhonecall, mapping: FieldMapping): LoggedInteraction {
  const start = p.actualstart ? Date.parse(p.actualstart) : NaN;
  const end = p.actualend ? Date.parse(p.actualend) : NaN;
  const column = mapping.disposition?.field;
  const value = column === undefined ? undefined : p[String(column)];
  return {
    id: p.activityid,
    channel: 'voice',
    direction: p.directioncode ? 'outbound' : 'inbound',
    at: Number.isNaN(start) ? Date.parse(p.createdon ?? '') || 0 : start,
    durationMs:
      Number.isNaN(start) || Number.isNaN(end)
        ? (p.actualdurationminutes ?? 0) * 60_000
        : Math.max(0, end - start),
    disposition: unmapDisposition(
      mapping,
      typeof value === 'number' || typeof value === 'string' ? String(value) : null,
    ),
    summary: p.description ?? '',
  };
}
