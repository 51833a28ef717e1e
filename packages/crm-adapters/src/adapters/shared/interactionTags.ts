import type { InteractionRecord, LoggedInteraction } from '../../model/interaction';

/** The tag that marks a ticket as a logged interaction (Zendesk, Freshdesk), not a request. */
export const interactionTag = 'switchboard_interaction';

const channelPrefix = 'switchboard_channel_';
const durationPrefix = 'switchboard_duration_';
const outboundTag = 'switchboard_outbound';

/**
 * Tags that carry what a ticket-based CRM has no field for: the interaction marker, the channel,
 * the duration in seconds and the direction.
 */
export function interactionTags(record: InteractionRecord): string[] {
  const seconds = Math.round((record.endedAt - record.startedAt) / 1000);
  return [
    interactionTag,
    `${channelPrefix}${record.channel}`,
    `${durationPrefix}${String(seconds)}`,
    ...(record.direction === 'outbound' ? [outboundTag] : []),
  ];
}

/** Channel, direction and duration read back from {@link interactionTags}. */
export function fromInteractionTags(
  tags: readonly string[],
): Pick<LoggedInteraction, 'channel' | 'direction' | 'durationMs'> {
  const value = (prefix: string) =>
    tags.find((tag) => tag.startsWith(prefix))?.slice(prefix.length);
  return {
    channel: (value(channelPrefix) ?? 'voice') as LoggedInteraction['channel'],
    direction: tags.includes(outboundTag) ? 'outbound' : 'inbound',
    durationMs: Number(value(durationPrefix) ?? 0) * 1000,
  };
}
