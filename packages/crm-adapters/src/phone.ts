import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { CrmError } from './errors';

/** An ISO 3166-1 alpha-2 country code, e.g. `FR`: the country of numbers written without `+`. */
export type DefaultCountry = CountryCode;

/**
 * `phone` in E.164 (`+33612345678`), read in any common format; numbers without a `+` are read
 * as numbers of `defaultCountry`. Throws `VALIDATION_FAILED` when it is not a possible number.
 *
 * @example
 * ```ts
 * toE164('06 12 34 56 78', 'FR'); // '+33612345678'
 * ```
 */
export function toE164(phone: string, defaultCountry?: DefaultCountry): string {
  const parsed = parsePhoneNumberFromString(phone, defaultCountry);
  if (!parsed?.isPossible()) {
    throw new CrmError('VALIDATION_FAILED', 'Not a possible phone number.', {
      issues: [{ path: ['phone'], message: 'Not a possible phone number' }],
      details: { defaultCountry: defaultCountry ?? null },
    });
  }
  return parsed.number;
}
