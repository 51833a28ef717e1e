import {
  definePlugin,
  silentLogger,
  type Contact,
  type Desk,
  type Logger,
  type PluginReport,
  type Unsubscribe,
} from '@switchboard/core';
import type { CrmAdapter, ScreenPop } from '../model/crmAdapter';
import { applyWrite } from '../outbox/applyWrite';
import { outboxWriteSchema, type OutboxWriteInput } from '../outbox/outboxEntry';
import type { Outbox } from '../outbox/outboxTypes';
import { parseOrThrow } from '../validate';
import { crmActions } from './crmActions';
import { popSlot, type CrmPopState } from './popState';

/** The name of the plugin through which {@link bindCrm} registers its desk actions. */
export const crmBindingPlugin = 'crm-binding';

/** Options of {@link bindCrm}. */
export interface BindCrmOptions {
  /**
   * Where writes go: an outbox (durable, retried, exactly once) or, when absent, straight to the
   * adapter (lost if the CRM is down: use an outbox in production).
   */
  readonly outbox?: Outbox;
  /** The summary logged with a finished contact (e.g. the agent's wrap-up notes); empty by default. */
  readonly summaryOf?: (contact: Contact) => string;
  /** Where failed pops and writes are reported. */
  readonly logger?: Logger;
}

/** What a CRM binding shows: the screen pop of each contact offered to or held by the agent. */
export interface CrmBindingSnapshot {
  /** Screen pops by contact id. */
  readonly pops: ReadonlyMap<string, CrmPopState>;
}

/** A desk bound to a CRM; see {@link bindCrm}. */
export interface CrmBinding {
  /** The pops; a new object when one changes. */
  getSnapshot(): CrmBindingSnapshot;
  /** Calls `listener` when the snapshot changes. */
  subscribe(listener: () => void): Unsubscribe;
  /**
   * Resolves when the `crm.*` desk actions are registered, with the report of the
   * `crm-binding` plugin that registers them (`failed` when the desk already has one).
   */
  readonly ready: Promise<PluginReport>;
  /** Stops listening to the desk and unregisters the `crm.*` actions. */
  dispose(): void;
}

/** When a contact started and ended, from its status timestamps. */
function spanOf(contact: Contact, now: number): { startedAt: number; endedAt: number } {
  const t = contact.timestamps;
  const startedAt = t.connected ?? t.accepted ?? t.offered ?? contact.since;
  return { startedAt, endedAt: Math.max(startedAt, t.wrapUp ?? t.completed ?? now) };
}

/**
 * Binds a desk to a CRM: when a contact is offered to the agent its customer's record pops
 * (lookup by id, phone, then email; history and open tickets), and when the agent completes it
 * the interaction is logged with its disposition, once (its outbox key is `interaction:<id>`).
 * It also registers desk actions (through the `crm-binding` plugin, loaded with `desk.use`),
 * so they are validated, role-checked and open to plugin hooks: `crm.findCustomer`,
 * `crm.searchTickets`, and the writes `crm.createTicket`, `crm.updateTicket`, `crm.addNote`,
 * which go through the same outbox. One binding per desk.
 *
 * @example
 * ```ts
 * const crm = createMemoryCrm({ customers });
 * const binding = bindCrm(desk, crm, { outbox: createOutbox({ adapter: crm, storage }) });
 * binding.subscribe(() => render(binding.getSnapshot().pops));
 * await binding.ready;
 * await desk.invoke('crm.createTicket', { subject: 'Parcel lost', contactId });
 * ```
 */
export function bindCrm(desk: Desk, adapter: CrmAdapter, options: BindCrmOptions = {}): CrmBinding {
  const logger = options.logger ?? silentLogger;
  const { outbox } = options;
  const listeners = new Set<() => void>();
  const seen = new Map<string, Contact>();
  let snapshot: CrmBindingSnapshot = { pops: new Map() };

  const setPop = (contactId: string, state: CrmPopState | null) => {
    const pops = new Map(snapshot.pops);
    if (state) pops.set(contactId, state);
    else pops.delete(contactId);
    snapshot = { pops };
    for (const listener of [...listeners]) listener();
  };
  const contactOf = (contactId: string): Contact | undefined =>
    desk.center.getSnapshot().contacts.get(contactId) ?? seen.get(contactId);
  /** Enqueues a write, or sends it straight to the adapter without an outbox. */
  const write = async (entry: OutboxWriteInput, key: string | undefined) => {
    try {
      if (outbox) {
        const queued = await outbox.enqueue(entry, key === undefined ? {} : { key });
        return { key: queued.key, record: null };
      }
      const idempotencyKey = key ?? crypto.randomUUID();
      const parsed = parseOrThrow(outboxWriteSchema, entry, 'CRM write');
      return { key: idempotencyKey, record: await applyWrite(adapter, parsed, { idempotencyKey }) };
    } catch (error) {
      logger.error(`The CRM ${entry.op} failed`, { error });
      throw error;
    }
  };
  const customerOf = (contactId: string) => {
    const pop = snapshot.pops.get(contactId);
    return pop?.status === 'ready' ? (pop.pop.customer?.id ?? null) : null;
  };
  const unregister: Unsubscribe[] = [];
  let disposed = false;
  const ready = desk
    .use([
      definePlugin({
        name: crmBindingPlugin,
        version: '1.0.0',
        permissions: ['crm:write'],
        setup(ctx) {
          if (disposed) return;
          for (const action of crmActions({ adapter, write, customerOf }))
            unregister.push(ctx.actions.register(action));
        },
      }),
    ])
    .then(([report]) => report as PluginReport);
  ready.catch((error: unknown) => {
    logger.error('The CRM desk actions could not be registered', { error });
  });

  const offMany: Unsubscribe[] = [
    desk.events.on('contact.offered', ({ contactId }) => {
      const contact = contactOf(contactId);
      if (!contact) return;
      seen.set(contactId, contact);
      setPop(contactId, popSlot.loading());
      adapter.screenPop(contact).then(
        (pop: ScreenPop) => {
          if (snapshot.pops.has(contactId)) setPop(contactId, popSlot.ready(pop));
        },
        (error: unknown) => {
          logger.warn('The CRM screen pop failed', { error, contactId });
          if (snapshot.pops.has(contactId)) setPop(contactId, popSlot.failed(error));
        },
      );
    }),
    desk.events.on('contact.wrapUpStarted', ({ contactId }) => {
      const contact = contactOf(contactId);
      if (contact) seen.set(contactId, contact);
    }),
    desk.events.on('contact.completed', ({ contactId, disposition, at }) => {
      const contact = contactOf(contactId);
      const pop = snapshot.pops.get(contactId);
      seen.delete(contactId);
      setPop(contactId, null);
      const customerId =
        (pop?.status === 'ready' ? pop.pop.customer?.id : undefined) ?? contact?.customer.id;
      if (!contact || customerId === undefined) {
        logger.warn('No CRM customer for a completed contact: nothing logged', { contactId });
        return;
      }
      const record = {
        contactId,
        channel: contact.channel,
        direction: contact.direction,
        customerId,
        agentId: desk.agentId,
        ...spanOf(contact, at),
        disposition,
        summary: options.summaryOf?.(contact) ?? '',
        ...(contact.customer.phone ? { phone: contact.customer.phone } : {}),
      };
      write({ op: 'logInteraction', record }, `interaction:${contactId}`).catch(() => undefined); // reported above
    }),
  ];

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    ready,
    dispose() {
      disposed = true;
      for (const off of [...offMany, ...unregister.splice(0)]) off();
      listeners.clear();
    },
  };
}
