import type { Desk, Unsubscribe } from '@switchboard/core';
import type { World } from './createWorld';

/** How long a simulated customer takes to answer a survey. */
export const SURVEY_ANSWER_MS = 30_000;

/** The score a simulated customer gives: most are happy, a few are not (fixed per contact). */
function scoreOf(contactId: string): number {
  let sum = 0;
  for (let index = 0; index < contactId.length; index += 1) sum += contactId.charCodeAt(index);
  return [5, 4, 5, 3, 5][sum % 5] ?? 5;
}

/**
 * The customers' side of the CSAT plugin: a survey the desk sent (to the outbox) is answered
 * half a minute later through the plugin's `answer`, which books the score in the KPIs.
 */
export function answerSurveys(desk: Desk, world: World): Unsubscribe {
  let seen = world.outbox.getSnapshot().length;
  const timers = new Set<unknown>();
  const off = world.outbox.subscribe(() => {
    const sent = world.outbox.getSnapshot();
    for (const message of sent.slice(seen)) {
      if (message.kind !== 'survey') continue;
      const timer = world.clock.setTimeout(() => {
        timers.delete(timer);
        desk
          .plugin('csat')
          .answer({ contactId: message.contactId, score: scoreOf(message.contactId) })
          .catch(() => {
            // Another desk's survey, or one answered already: not this desk's to answer.
          });
      }, SURVEY_ANSWER_MS);
      timers.add(timer);
    }
    seen = sent.length;
  });
  return () => {
    off();
    for (const timer of timers) world.clock.clearTimeout(timer);
  };
}
