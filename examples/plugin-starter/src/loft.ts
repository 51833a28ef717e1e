import { SwitchboardError, type Contact, type ContactCenter } from '@switchboard/core';
import { pigeonNoteSchema, type PigeonNote } from './pigeonPost';

/** The centre's side of the channel: where inbound pigeons land. */
export interface Loft {
  /** A pigeon landed: opens a `social` contact in the loft's queue, with the note on it. */
  land(note: PigeonNote): Contact;
}

/**
 * Creates the {@link Loft} of `center`: the inbound half of the channel. A real channel turns
 * its provider's inbound webhook or socket into `land` calls.
 *
 * @example
 * ```ts
 * const loft = createLoft({ center, queueId: 'support' });
 * loft.land({ from: 'Grace', to: 'centre', text: 'My parcel is late' });
 * ```
 */
export function createLoft(options: {
  /** The contact centre. */
  readonly center: ContactCenter;
  /** The queue pigeons' contacts wait in. Default `default`. */
  readonly queueId?: string;
}): Loft {
  return {
    land(input) {
      const parsed = pigeonNoteSchema.safeParse(input);
      if (!parsed.success) {
        throw new SwitchboardError('VALIDATION_FAILED', 'A pigeon brought a malformed note.', {
          issues: parsed.error.issues,
        });
      }
      return options.center.openContact({
        channel: 'social',
        queueId: options.queueId ?? 'default',
        customer: { name: parsed.data.from, attributes: {} },
        attributes: { pigeon: parsed.data },
      });
    },
  };
}
