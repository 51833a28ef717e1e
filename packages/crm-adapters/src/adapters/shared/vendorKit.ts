import { CrmError, isCrmError } from '../../errors';
import { parseOrThrow } from '../../validate';

/** A schema as {@link parseOrThrow} takes it. */
type Schema<T> = Parameters<typeof parseOrThrow<T>>[0];

/** Reads a vendor answer against `schema`; a body that does not fit fails `BAD_RESPONSE`. */
export function responseReader(vendor: string) {
  return <T>(schema: Schema<T>, body: unknown): T =>
    parseOrThrow(schema, body, `${vendor} response`, 'BAD_RESPONSE');
}

/**
 * Checks that an id is a vendor's numeric id (Zendesk, Freshdesk) and returns it as a number;
 * anything else fails `VALIDATION_FAILED` before a request is sent.
 */
export function numericIds(vendor: string) {
  return (id: string, what: string): number => {
    if (!/^\d+$/.test(id)) {
      throw new CrmError('VALIDATION_FAILED', `A ${vendor} ${what} id is a number.`, {
        issues: [{ path: ['id'], message: `not a ${vendor} id` }],
      });
    }
    return Number(id);
  };
}

/**
 * The line a write stamps at the end of a free-text body (a comment, note or annotation) so a
 * retry can find it: `[switchboard:<key>]` after `separator`; empty without a key.
 */
export function keyStamp(key: string | undefined, separator = '\n\n'): string {
  return key === undefined ? '' : `${separator}[switchboard:${key}]`;
}

/** The value `read` resolves with, or `null` when the vendor answers `NOT_FOUND`. */
export async function nullWhenNotFound<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isCrmError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

/**
 * Look-before-create for vendors without idempotency keys: with a key, `find` looks for the
 * record that key already made (a retry after a lost answer) and returns it; otherwise, or
 * when none is found, `create` runs.
 */
export async function onceByKey<T>(
  key: string | undefined,
  find: (key: string) => Promise<T | null | undefined>,
  create: () => Promise<T>,
): Promise<T> {
  if (key !== undefined) {
    const found = await find(key);
    if (found !== null && found !== undefined) return found;
  }
  return create();
}

/** Refuses a note target the vendor cannot hold notes on (`UNSUPPORTED`). */
export function noteTargetUnsupported(vendor: string, where: string, target: string): CrmError {
  return new CrmError('UNSUPPORTED', `${vendor} notes go on ${where}.`, { details: { target } });
}

/** Refuses to log anything but calls (voice, callback) where the CRM logs calls only. */
export function assertCall(vendor: string, channel: string, logsAs: string): void {
  if (channel !== 'voice' && channel !== 'callback') {
    throw new CrmError('UNSUPPORTED', `The ${vendor} adapter logs calls, as ${logsAs}.`, {
      details: { channel },
    });
  }
}

/**
 * Upsert where the vendor has none: the record with the given id, else the one with the same
 * email (`idOfEmail`), is updated; when there is none, one is created.
 */
export async function upsertByIdOrEmail<T>(
  input: { readonly id?: string | undefined; readonly email?: string | undefined },
  idOfEmail: (email: string) => Promise<string | undefined>,
  write: { readonly create: () => Promise<T>; readonly update: (id: string) => Promise<T> },
): Promise<T> {
  const known = input.id ?? (input.email === undefined ? undefined : await idOfEmail(input.email));
  return known === undefined ? write.create() : write.update(known);
}
