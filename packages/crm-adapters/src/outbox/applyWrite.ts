import type { CrmAdapter, WriteOptions } from '../model/crmAdapter';
import type { OutboxWrite } from './outboxEntry';

/** Sends one outbox write to the adapter; resolves with the CRM's result. */
export function applyWrite(
  adapter: CrmAdapter,
  write: OutboxWrite,
  options: WriteOptions,
): Promise<unknown> {
  switch (write.op) {
    case 'upsertCustomer':
      return adapter.upsertCustomer(write.customer, options);
    case 'logInteraction':
      return adapter.logInteraction(write.record, options);
    case 'createTicket':
      return adapter.createTicket(write.ticket, options);
    case 'updateTicket':
      return adapter.updateTicket(write.id, write.changes, options);
    case 'addNote':
      return adapter.addNote(write.note, options);
  }
}
