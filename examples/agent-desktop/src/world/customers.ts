import type { Clock, Contact, ContactCenter, Customer, TimerHandle } from '@switchboard/core';
import { createRandom } from '@switchboard/example-simulator/random';
import { subjects } from './roster';

/** The channels simulated customers use. */
export type CustomerChannel = keyof typeof subjects;

/** Options of {@link startCustomers}. */
export interface CustomersOptions {
  /** Where contacts open. */
  readonly center: ContactCenter;
  /** Whose timers space the arrivals. */
  readonly clock: Clock;
  /** Who gets in touch. */
  readonly customers: readonly Customer[];
  /** Channels to arrive on, each with its queue. */
  readonly channels: readonly CustomerChannel[];
  /** Seed of every choice: the same seed gives the same customers in the same order. */
  readonly seed: number;
  /** Mean arrivals per hour (Poisson); 0 opens contacts only through `arrive`. */
  readonly perHour: number;
}

/** Simulated customers getting in touch. */
export interface Customers {
  /** A customer (a random one, or the one with `customerId`) gets in touch now on `channel`. */
  arrive(channel: CustomerChannel, customerId?: string): Contact;
  /** No more arrivals. */
  stop(): void;
}

/**
 * Opens contacts from simulated customers: a seeded random customer and subject on a random
 * channel, with exponential gaps between arrivals on the centre's clock.
 */
export function startCustomers(options: CustomersOptions): Customers {
  const { center, clock, customers, channels, perHour } = options;
  const random = createRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[random.int(0, items.length - 1)] as T;

  const arrive = (channel: CustomerChannel, customerId?: string) =>
    center.openContact({
      channel,
      queueId: channel === 'voice' ? 'phone' : channel,
      customer: customers.find((customer) => customer.id === customerId) ?? pick(customers),
      attributes: { subject: pick(subjects[channel]) },
    });

  let timer: TimerHandle;
  const schedule = () => {
    timer = clock.setTimeout(
      () => {
        arrive(pick(channels));
        schedule();
      },
      random.exponential(3_600_000 / perHour),
    );
  };
  if (perHour > 0 && channels.length > 0) schedule();

  return {
    arrive,
    stop: () => {
      clock.clearTimeout(timer);
    },
  };
}
