import { SoftphoneError } from '../errors';

/**
 * Lends the password to sip.js only while requests that may be challenged are in flight: it is
 * fetched from the host's `credentials` function for each request and wiped once the last
 * request holding it has its answer. The softphone never keeps a secret between requests.
 */
export function createCredentialLease(
  credentials: () => string | Promise<string>,
  install: (password: string) => void,
) {
  let holders = 0;
  return async function lease(): Promise<() => void> {
    let password: unknown;
    try {
      password = await credentials();
    } catch (cause) {
      throw new SoftphoneError('CREDENTIALS_UNAVAILABLE', 'The credentials function threw.', {
        cause,
      });
    }
    if (typeof password !== 'string' || password.length === 0) {
      throw new SoftphoneError(
        'CREDENTIALS_UNAVAILABLE',
        'The credentials function returned no password.',
      );
    }
    holders += 1;
    install(password);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holders -= 1;
      if (holders === 0) install('');
    };
  };
}
