import { definePlugin, type Channel } from '@switchboard/core';
import type { Observable } from '../world/observable';

/** The channels whose offers the agent lets auto-answer accept. */
export type AutoAnswerChoice = Observable<ReadonlySet<Channel>>;

/**
 * Makes the desktop's own plugin: a per-channel switch over `@switchboard/plugin-auto-answer`, which
 * switches on or off as a whole. It refuses the auto-answer plugin's `contact.accept` (its
 * `caller.plugin`) for a channel the agent switched off; the agent's own accepts go through.
 * Composed from the public plugin API (an action hook), without touching the plugin.
 */
export function autoAnswerChannels(choice: AutoAnswerChoice) {
  return definePlugin({
    name: 'autoAnswerChannels',
    version: '0.0.0',
    permissions: ['contact:write', 'state:read'],
    setup(ctx) {
      ctx.actions.before('contact.accept', ({ contactId }, call) => {
        if (call.caller.plugin !== 'autoAnswer') return undefined;
        const desk = ctx.state.getSnapshot();
        const contact = desk.contacts.find((held) => held.id === contactId);
        if (!contact || choice.getSnapshot().has(contact.channel)) return undefined;
        return { cancel: `Auto-answer is off for ${contact.channel}.` };
      });
    },
  });
}
