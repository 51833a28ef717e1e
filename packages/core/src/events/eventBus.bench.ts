import { bench, describe } from 'vitest';
import { createEventBus } from './eventBus';

// Target (issue 4): one emit to 10 listeners in under 10 µs.
describe('event bus', () => {
  const bus = createEventBus<{ 'contact.offered': { contactId: string } }>();
  let received = 0;
  for (let index = 0; index < 10; index += 1) bus.on('contact.offered', () => (received += 1));
  const payload = { contactId: 'c1' };

  bench('emit to 10 listeners', () => {
    bus.emit('contact.offered', payload);
  });
});
