import { bench, describe } from 'vitest';
import { createContactCenter } from '../center/contactCenter';
import { createVirtualClock } from '../testing/virtualClock';
import { createDesk } from './createDesk';

// Target (issue 4): one contact transition through the whole pipeline (action validation,
// role check, hooks, decision, immer reducer, events, routing) with 1,000 contacts in the store
// in under 50 µs. The desk holds one chat that it puts on hold and takes off hold, alternately.
describe('desk pipeline with 1,000 contacts in the store', async () => {
  const clock = createVirtualClock();
  const center = createContactCenter({ clock, queues: [{ id: 'q', name: 'Queue' }] });
  for (let index = 0; index < 999; index += 1)
    center.openContact({ channel: 'email', queueId: 'q' });
  const desk = createDesk({
    agent: { id: 'ada', name: 'Ada', capacity: { email: 0 } },
    center,
    clock,
  });
  let offered = '';
  desk.events.on('contact.offered', ({ contactId }) => (offered = contactId));
  await desk.login();
  center.openContact({ channel: 'chat', queueId: 'q' });
  await desk.accept(offered);
  let held = false;

  bench('hold or resume one contact through desk actions', async () => {
    if (held) await desk.resume(offered);
    else await desk.hold(offered);
    held = !held;
  });

  bench('hold or resume one contact through the centre (no action pipeline)', () => {
    center.contactCommand(offered, { type: held ? 'resume' : 'hold' });
    held = !held;
  });
});
