import * as z from 'zod/mini';

const id = z.string().check(z.regex(/^[\w-]+$/, 'Expected letters, digits, _ or -.'));
const textChannels = ['chat', 'email', 'sms', 'social'] as const;
/** Validates a channel a saved reply can go out on. */
export const replyChannelSchema = z.enum(textChannels);
/** A channel a saved reply can go out on. */
export type ReplyChannel = z.infer<typeof replyChannelSchema>;

/** Validates a {@link CannedResponse}. */
export const cannedResponseSchema = z.object({
  /** Stable id. */
  id,
  /** Title, shown in the picker and searched first. */
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The text, with `{{variables}}`. */
  body: z.string().check(z.minLength(1), z.maxLength(20_000)),
  /** A subject line for email, with `{{variables}}`. */
  subject: z.optional(z.string().check(z.maxLength(500))),
  /** A shortcut the agent types, e.g. `/thanks`. */
  shortcut: z.optional(z.string().check(z.regex(/^\/[\w-]+$/, 'Expected a slash and a word.'))),
  /** Channels it fits; every text channel when absent. */
  channels: z.optional(z.array(replyChannelSchema)),
  /** Queues whose agents see it; every queue when absent (the shared set). */
  queues: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** Words that help search. */
  tags: z._default(z.array(z.string()), []),
});
/** A saved reply. */
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

/** Validates a {@link Macro}. */
export const macroSchema = z.object({
  /** Stable id (not shared with a response). */
  id,
  /** Title. */
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The saved replies it joins, in order (greeting, answer, sign-off, ...). */
  parts: z.array(id).check(z.minLength(1)),
  /** What goes between the parts; a blank line by default. */
  separator: z._default(z.string(), '\n\n'),
  /** A shortcut the agent types. */
  shortcut: z.optional(z.string().check(z.regex(/^\/[\w-]+$/, 'Expected a slash and a word.'))),
  /** Queues whose agents see it; every queue when absent. */
  queues: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** Words that help search. */
  tags: z._default(z.array(z.string()), []),
});
/** A macro: several saved replies joined into one message. */
export type Macro = z.infer<typeof macroSchema>;

/** A saved reply or a macro, as listed and searched. */
export interface ReplyItem {
  /** The id. */
  readonly id: string;
  /** `response` or `macro`. */
  readonly kind: 'response' | 'macro';
  /** The title. */
  readonly title: string;
  /** The shortcut, if any. */
  readonly shortcut: string | undefined;
  /** The tags. */
  readonly tags: readonly string[];
  /** The text searched: the body, or the parts' bodies. */
  readonly body: string;
  /** The channels it fits. */
  readonly channels: readonly ReplyChannel[];
  /** The queues that see it; `undefined` for every queue. */
  readonly queues: readonly string[] | undefined;
}

/** Every text channel. */
export const replyChannels: readonly ReplyChannel[] = textChannels;
