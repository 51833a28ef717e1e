import type { Session } from 'sip.js';
import type { CallParty } from '../call';

/** Describes the far end of a session for {@link CallParty}. @internal */
export function partyOf(session: Session, dialledNumber: string | null): CallParty {
  const identity = session.remoteIdentity;
  const user = identity.uri.user ?? '';
  const number = dialledNumber ?? (/^\+[1-9][0-9]{5,14}$/.test(user) ? user : null);
  return {
    uri: identity.uri.toString(),
    displayName: identity.displayName || null,
    number,
  };
}

/** Whether a SIP message carries `Supported: replaces` (RFC 3891). @internal */
export function supportsReplaces(message: { getHeaders(name: string): string[] }): boolean {
  return message
    .getHeaders('supported')
    .some((value) => value.split(',').some((tag) => tag.trim().toLowerCase() === 'replaces'));
}
