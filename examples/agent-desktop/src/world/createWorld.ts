import {
  createContactCenter,
  defaultReasonCodes,
  type Clock,
  type ContactCenter,
} from '@switchboard/core';
import { createKpiEngine, type KpiEngine } from '@switchboard/core/metrics';
import { createMemoryCrm, type MemoryCrm } from '@switchboard/crm-adapters';
import type { DesktopConfig } from '../config';
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
}

/** The reason an agent starts with after signing in, before they choose to take contacts. */
export const SIGNED_IN = 'signedIn';

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
  });
  const crm = createMemoryCrm({ customers });
  seedHistory(crm, clock.now());
  const kpis = createKpiEngine({ clock, dispositions: center.dispositions });
  kpis.attach(center);
  return {
    config,
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
    }),
  };
}
