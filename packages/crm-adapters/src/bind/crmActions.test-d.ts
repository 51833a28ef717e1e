import type { Customer, Desk } from '@switchboard/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { CrmNote } from '../model/note';
import type { CrmTicket } from '../model/ticket';
import type { CrmWriteReceipt } from './crmActions';

// Importing the package types the crm.* actions on every desk, by declaration merging.
declare const desk: Desk;

describe('crm desk actions', () => {
  it('types payloads and results of the crm.* actions', () => {
    expectTypeOf(desk.invoke('crm.createTicket', { subject: 'Refund' })).resolves.toEqualTypeOf<
      CrmWriteReceipt<CrmTicket>
    >();
    expectTypeOf(
      desk.invoke('crm.addNote', { target: { kind: 'ticket', id: '1' }, body: 'x' }),
    ).resolves.toEqualTypeOf<CrmWriteReceipt<CrmNote>>();
    expectTypeOf(
      desk.invoke('crm.findCustomer', { email: 'a@example.com' }),
    ).resolves.toEqualTypeOf<Customer | null>();
    expectTypeOf(desk.invoke('crm.searchTickets', {})).resolves.toEqualTypeOf<CrmTicket[]>();
    // @ts-expect-error a ticket needs a subject
    void desk.invoke('crm.createTicket', { priority: 'high' });
    // @ts-expect-error an update names the ticket
    void desk.invoke('crm.updateTicket', { changes: {} });
  });
});
