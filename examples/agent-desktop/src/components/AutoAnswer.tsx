import type { Channel } from '@switchboard/core';
import { channelLabel } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';
import { autoAnswerDelays } from '../world/deskPlugins';

/**
 * Auto-answer per channel (`@switchboard/plugin-auto-answer`, narrowed per channel by the
 * desktop's `autoAnswerChannels` plugin): offers on a ticked channel are accepted by themselves,
 * a call after two seconds of ringing.
 */
export function AutoAnswer() {
  const { autoAnswer, desk } = useSession();
  const on = useStore(autoAnswer);
  // Offers the plugin will accept: those of a channel switched on (the others are refused).
  const pending = useStore(desk.plugin('autoAnswer')).pending.filter((offer) =>
    on.has(offer.channel),
  ).length;
  const toggle = (channel: Channel, checked: boolean) => {
    const next = new Set(on);
    if (checked) next.add(channel);
    else next.delete(channel);
    autoAnswer.set(next);
  };

  return (
    <fieldset className="auto-answer">
      <legend>Auto-answer</legend>
      {autoAnswerDelays.map(({ channel }) => (
        <label key={channel} className="choice">
          <input
            type="checkbox"
            checked={on.has(channel)}
            onChange={(event) => toggle(channel, event.target.checked)}
          />
          <span>{channelLabel[channel]}</span>
        </label>
      ))}
      {pending > 0 && <span className="muted">answering…</span>}
    </fieldset>
  );
}
