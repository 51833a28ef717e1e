import * as z from 'zod/mini';

/** Validates a {@link PigeonNote}: what one pigeon carries. */
export const pigeonNoteSchema = z.object({
  /** Who sent it (a customer's name, or the agent's id). */
  from: z.string().check(z.minLength(1), z.maxLength(100)),
  /** Where it flies to (the customer's loft address). */
  to: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The message: pigeons carry little. */
  text: z.string().check(z.minLength(1), z.maxLength(280)),
});
/** One note tied to a pigeon's leg. */
export type PigeonNote = z.infer<typeof pigeonNoteSchema>;

/**
 * The channel's outbound port: how a note leaves the centre. A real channel puts its provider
 * here (an SMS API, a webhook, SMTP); tests and demos use {@link createPigeonCoop}.
 */
export interface PigeonPost {
  /** Sends one note; rejects when it could not leave. */
  send(note: PigeonNote): Promise<void>;
}

/** A {@link PigeonPost} that keeps what it was given: for tests and demos. */
export interface PigeonCoop extends PigeonPost {
  /** Every note sent so far, in order. */
  readonly sent: readonly PigeonNote[];
}

/** Creates a {@link PigeonCoop}. */
export function createPigeonCoop(): PigeonCoop {
  const sent: PigeonNote[] = [];
  return {
    sent,
    send(note) {
      sent.push(note);
      return Promise.resolve();
    },
  };
}
