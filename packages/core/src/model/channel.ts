import * as z from 'zod/mini';

/** Every channel a contact can arrive or leave on. */
export const channels = ['voice', 'chat', 'email', 'sms', 'social', 'callback'] as const;

/** Validates a {@link Channel}. */
export const channelSchema = z.enum(channels);
/** A contact's channel. A callback is a voice call placed later on the customer's behalf. */
export type Channel = z.infer<typeof channelSchema>;

/** The channel whose capacity a contact uses: callbacks occupy the voice line. */
export function capacityChannel(channel: Channel): Exclude<Channel, 'callback'> {
  return channel === 'callback' ? 'voice' : channel;
}

/** Validates a {@link Capacity}. */
export const capacitySchema = z.object({
  /** Simultaneous calls (voice and callbacks). */
  voice: z._default(z.int().check(z.minimum(0), z.maximum(1)), 1),
  /** Simultaneous chats. */
  chat: z._default(z.int().check(z.minimum(0), z.maximum(50)), 3),
  /** Simultaneous emails. */
  email: z._default(z.int().check(z.minimum(0), z.maximum(50)), 5),
  /** Simultaneous SMS threads. */
  sms: z._default(z.int().check(z.minimum(0), z.maximum(50)), 3),
  /** Simultaneous social-message threads. */
  social: z._default(z.int().check(z.minimum(0), z.maximum(50)), 3),
});
/** How many contacts an agent may hold at once on each channel (voice is exclusive: 0 or 1). */
export type Capacity = z.infer<typeof capacitySchema>;
