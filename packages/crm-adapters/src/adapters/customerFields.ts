import * as z from 'zod/mini';

const email = z.string().check(z.email());

/**
 * The email part of a customer built from vendor data: kept only when it is a valid address, so
 * one malformed CRM field does not fail a whole lookup.
 */
export function emailField(value: string | null | undefined): { email?: string } {
  return value && email.safeParse(value).success ? { email: value } : {};
}
