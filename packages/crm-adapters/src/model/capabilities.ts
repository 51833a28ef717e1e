/** What a CRM (through its adapter) supports, so a host can adapt its UI. */
export interface CrmCapabilities {
  /** Lookups the CRM can answer. */
  readonly lookup: {
    /** By phone number (E.164). */
    readonly phone: boolean;
    /** By email address. */
    readonly email: boolean;
    /** By CRM id. */
    readonly id: boolean;
  };
  /** Customers can be created and updated. */
  readonly upsertCustomer: boolean;
  /** Past interactions of a customer can be listed. */
  readonly history: boolean;
  /** Finished contacts can be logged (calls, chats, ...). */
  readonly logInteraction: boolean;
  /** A disposition can be written back with the logged interaction. */
  readonly dispositions: boolean;
  /** Tickets (cases, incidents) can be created, updated and searched. */
  readonly tickets: boolean;
  /** Notes can be added to tickets and customers. */
  readonly notes: boolean;
  /**
   * How a retried write is kept from creating a second record: `native` (the vendor honours an
   * idempotency key), `lookup` (the adapter looks for the key it stamped on the record before
   * creating) or `local` (the adapter itself remembers keys: the memory adapter).
   */
  readonly idempotency: 'native' | 'lookup' | 'local';
}

/** The capabilities of a CRM that supports every operation, with its idempotency and dispositions. */
export function fullCapabilities(
  idempotency: CrmCapabilities['idempotency'],
  dispositions: boolean,
): CrmCapabilities {
  return {
    lookup: { phone: true, email: true, id: true },
    upsertCustomer: true,
    history: true,
    logInteraction: true,
    dispositions,
    tickets: true,
    notes: true,
    idempotency,
  };
}
