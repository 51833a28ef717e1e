import {
  createContactCenter,
  defaultDispositions,
  defaultReasonCodes,
  type Clock,
  type ContactCenter,
} from '@switchboard/core';
import { createKpiEngine, type KpiEngine } from '@switchboard/core/metrics';
import { createTicketBook, type TicketBook } from '@switchboard/core/tickets';
import { createMemoryCrm, type MemoryCrm } from '@switchboard/crm-adapters';
import { callScriptNoteTemplate } from '@switchboard/plugin-call-scripts';
import { dispositionNoteTemplate } from '@switchboard/plugin-dispositions';
import type { DesktopConfig } from '../config';
import { createChatService, type ChatService } from './chatService';
import { extraDispositions } from './dispositionCodes';
import { createOutbox, type Outbox } from './outbox';
import { startCustomers, type Customers } from './customers';
import { createTicker, type Observable } from './observable';
import { agents, customers, queues } from './roster';
import { seedHistory } from './seedHistory';

/** Everything the desktop runs on: the embedded centre, the CRM, the KPIs and the customers. */
export interface World {
  /** The settings it was made with. */
  readonly config: DesktopConfig;
  /** The system clock, or a virtual one in test builds. */
  readonly clock: Clock;
  /** The embedded contact centre: queues, agents, contacts, routing. */
  readonly center: ContactCenter;
  /** The embedded CRM: customers, interactions, tickets, notes. */
  readonly crm: MemoryCrm;
  /** KPIs from the centre's events. */
  readonly kpis: KpiEngine;
  /** The clock's time, once a second, for timers on screen. */
  readonly now: Observable<number>;
  /** Simulated customers; `arrive(channel)` brings one now. */
  readonly customers: Customers;
  /** Notes from templates (call scripts, dispositions) and follow-ups, on the world's clock. */
  readonly book: TicketBook;
  /** The chat channel: the chat plugin's gateway on an in-process transport. */
  readonly chat: ChatService;
  /** Emails and SMS the desks sent (replies, surveys). */
  readonly outbox: Outbox;
}

/** The reason an agent starts with after signing in, before they choose to take contacts. */
export const SIGNED_IN = 'signedIn';

/** How long after its due time a follow-up counts as overdue. */
export const FOLLOW_UP_GRACE_MS = 10 * 60_000;

/** Creates the embedded world the desktop runs on. */
export function createWorld(config: DesktopConfig, clock: Clock): World {
  const center = createContactCenter({
    clock,
    queues,
    agents,
    reasonCodes: [
      { code: SIGNED_IN, label: 'Signed in', productive: false },
      ...defaultReasonCodes,
    ],
    dispositions: [...defaultDispositions, ...extraDispositions],
  });
  const crm = createMemoryCrm({ customers });
  seedHistory(crm, clock.now());
  const kpis = createKpiEngine({ clock, dispositions: center.dispositions });
  kpis.attach(center);
  const chat = createChatService(center, clock);
  return {
    config,
    book: createTicketBook({
      clock,
      followUpGraceMs: FOLLOW_UP_GRACE_MS,
      noteTemplates: [callScriptNoteTemplate, dispositionNoteTemplate],
    }),
    chat,
    outbox: createOutbox(),
    clock,
    center,
    crm,
    kpis,
    now: createTicker(clock),
    customers: startCustomers({
      center,
      clock,
      customers: crm.getSnapshot().customers,
      // With a SIP registrar, calls come from the phone network rather than the simulation.
      channels: config.sip ? ['chat', 'email'] : ['voice', 'chat', 'email'],
      seed: config.seed,
      perHour: config.contactsPerHour,
      chat: chat.dial,
    }),
  };
}
