import { bench, describe } from 'vitest';
import * as z from 'zod/mini';
import { createVirtualClock } from '../testing/virtualClock';
import { createTicketBook } from './createTicketBook';

// One `update` of a ticket with 100 custom fields (all declared in the host's zod/mini schema):
// validation of the changes and of the merged custom fields, immer patches, the persistent-map
// write, the history entry and the events. 1,000 other tickets sit in the book.
describe('ticket update with 100 custom fields', () => {
  const shape = Object.fromEntries(
    Array.from({ length: 100 }, (_, index) => [`field${index}`, z.optional(z.number())]),
  );
  const clock = createVirtualClock();
  const book = createTicketBook({ clock, customFields: z.object(shape) });
  const ada = { id: 'ada', roles: ['agent'] } as const;
  const customFields = Object.fromEntries(
    Array.from({ length: 100 }, (_, index) => [`field${index}`, index]),
  );
  for (let index = 0; index < 1_000; index += 1)
    book.createTicket({ subject: `Other ${index}` }, ada);
  const { id } = book.createTicket({ subject: 'Wide', customFields }, ada);
  let value = 0;

  bench('update one custom field', () => {
    value += 1;
    clock.advance(1);
    book.update(id, { customFields: { field42: value } }, ada);
  });

  bench('update one plain field', () => {
    value += 1;
    clock.advance(1);
    book.update(id, { description: `v${value}` }, ada);
  });
});
