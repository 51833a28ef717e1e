import * as z from 'zod/mini';

const email = z.string().check(z.email());

/**
 * The email part of a customer built from vendor data: kept only when it is a valid address, so
 * one malformed CRM field does not fail a whole lookup.
 */
export function emailField(value: string | null | undefined): { email?: string } {
  return value && email.safeParse(value).success ? { email: value } : {};
}

/**
 * A display name split for CRMs that store first and last names apart: the last word is not
 * special, everything after the first word is the last name; a single word (or none) is a last
 * name alone, `Unknown` when empty (last names are required).
 */
export function nameParts(name: string | undefined): { first?: string; last: string } {
  const [first = '', ...rest] = (name ?? '').split(' ');
  return rest.length > 0 ? { first, last: rest.join(' ') } : { last: first || 'Unknown' };
}
