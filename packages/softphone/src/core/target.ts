import type { CountryCode } from 'libphonenumber-js/min';
import { SoftphoneError } from '../errors';

/** What `call()` dials once parsed: a SIP URI, and the E.164 number when a number was given. */
export interface CallTarget {
  /** The SIP URI to send the INVITE to. */
  readonly uri: string;
  /** The number in E.164 (`+14155552671`) when the target was a phone number. */
  readonly number: string | null;
}

const sipUri = /^sips?:[^\s@]+@[^\s@]+$|^sips?:[^\s@]+$/i;
const phoneLike = /^[+(]?[0-9][0-9 ().\-/]*$/;

/**
 * Parses a call target: a SIP URI as is, a bare `user` or `user@host` in the softphone's domain,
 * or a phone number normalised to E.164 (with `defaultCountry` for national numbers). The number
 * parser is loaded on first use, so softphones that only dial URIs never load its metadata.
 */
export async function resolveTarget(
  target: string,
  domain: string,
  defaultCountry: string | undefined,
): Promise<CallTarget> {
  const text = target.trim();
  if (sipUri.test(text)) return { uri: text, number: null };
  if (phoneLike.test(text)) {
    const { parsePhoneNumberFromString } = await import('libphonenumber-js/min');
    const parsed = parsePhoneNumberFromString(text, defaultCountry as CountryCode | undefined);
    if (!parsed?.isValid()) {
      throw new SoftphoneError('INVALID_TARGET', `"${target}" is not a valid phone number.`, {
        details: { target, defaultCountry: defaultCountry ?? null },
      });
    }
    return { uri: `sip:${parsed.number}@${domain}`, number: parsed.number };
  }
  if (/^[a-z0-9._~!$&'*+;=-]+(@[a-z0-9.-]+)?$/i.test(text)) {
    return { uri: text.includes('@') ? `sip:${text}` : `sip:${text}@${domain}`, number: null };
  }
  throw new SoftphoneError('INVALID_TARGET', `"${target}" is not a SIP URI or a phone number.`, {
    details: { target },
  });
}
