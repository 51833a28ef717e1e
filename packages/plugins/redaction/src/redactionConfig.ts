import { functionSchema } from '@switchboard/core';
import * as z from 'zod/mini';

/** Whether `source` compiles as a regular expression with `flags`. */
function compiles(source: string, flags = ''): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

/** A host-defined pattern: a regular expression (or its source text) whose matches are masked. */
export const patternRuleSchema = z
  .object({
    /** The rule's name, reported in findings. */
    name: z.string().check(z.minLength(1)),
    /** The pattern: a `RegExp`, or its source text (compiled with `flags`). */
    pattern: z.union([z.instanceof(RegExp), z.string().check(z.minLength(1))]),
    /** Flags for a pattern given as text (`g` is always added), e.g. `i`. */
    flags: z.optional(z.string().check(z.regex(/^[imsuy]*$/))),
  })
  .check(
    z.refine((rule) => typeof rule.pattern !== 'string' || compiles(rule.pattern, rule.flags), {
      message: 'Expected a valid regular expression.',
      path: ['pattern'],
    }),
  );

/** A recording that can be paused; a softphone `Call` fits as it is. */
export interface Recording {
  /** Asks the recorder to stop recording, resuming by itself after `autoResumeMs` if told. */
  pauseRecording(options?: { readonly autoResumeMs?: number }): Promise<void> | void;
  /** Asks the recorder to record again. */
  resumeRecording(): Promise<void> | void;
}

/**
 * The recorder-control port: the recording of a contact, if it has one. With the softphone:
 * `(contactId) => binding.callOf(contactId)` (`bindSoftphone` from `@switchboard/softphone`).
 */
export type RecorderPort = (contactId: string) => Recording | undefined;

const recorderSchema = functionSchema<RecorderPort>(
  'a function from a contact id to its recording',
);

const on = z._default(z.boolean(), true);

/** The redaction plugin's configuration; every field has a default. */
export const redactionConfigSchema = z.object({
  /** Which built-in rules apply; all of them by default. */
  rules: z.prefault(
    z.object({
      /** Card numbers, Luhn-checked, anywhere in a digit run. */
      cardNumber: on,
      /** Security codes after `cvv`-like words or a card number. */
      cvv: on,
      /** IBANs, mod-97 checked. */
      iban: on,
      /** Email addresses (the core's `emailRule`). */
      email: on,
      /** Phone numbers (the core's `phoneRule`). */
      phone: on,
      /** US SSN, UK NINO and French NIR (the core's `nationalIdRules`). */
      nationalIds: on,
    }),
    {},
  ),
  /** Your own patterns, applied after the built-in rules. */
  patterns: z._default(z.array(patternRuleSchema), []),
  /** What replaces a finding whose rule has no mask of its own. */
  replacement: z._default(z.string(), '[redacted]'),
  /**
   * Note-saving actions to redact before they run (each in the `note.` domain): every string
   * under the payload's `field` (or only at `paths` inside it) is redacted; ids elsewhere in the
   * payload are left alone.
   */
  notes: z._default(
    z.array(
      z.object({
        /** The action, e.g. `note.add`. */
        action: z
          .string()
          .check(z.regex(/^note\.[^.\s]+$/, 'Expected an action named note.<verb>.')),
        /** The payload key holding the note's content; `fields` by default. */
        field: z._default(z.string().check(z.minLength(1)), 'fields'),
        /** Dot paths inside that content to redact; every string when absent. */
        paths: z.optional(z.array(z.string().check(z.minLength(1)))),
      }),
    ),
    [{ action: 'note.add', field: 'fields' }],
  ),
  /** PCI pause. */
  pci: z.prefault(
    z.object({
      /** Resume by itself after this long paused, in ms (3 minutes by default). */
      timeoutMs: z._default(z.number().check(z.positive()), 180_000),
      /** The recording of a contact, to pause and resume; no recording control when absent. */
      recorder: z.optional(recorderSchema),
      /** Pause by itself when a transcript message of a connected contact holds a card number. */
      pauseOnCardNumber: z._default(z.boolean(), false),
      /** What replaces each digit of a message while its contact is paused. */
      maskCharacter: z._default(z.string().check(z.length(1)), '•'),
    }),
    {},
  ),
});

/** The configuration a host passes (defaults not applied yet). */
export type RedactionConfigInput = z.input<typeof redactionConfigSchema>;

/** The configuration after parsing, defaults applied. */
export type RedactionConfig = z.output<typeof redactionConfigSchema>;
