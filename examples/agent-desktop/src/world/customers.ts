import type { Clock, ContactCenter, Customer, TimerHandle } from '@switchboard/core';
import { createRandom } from '@switchboard/example-simulator/random';
import type { ChatDialer } from '@switchboard/plugin-chat';
import { createChatClient } from '@switchboard/plugin-chat/client';
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
  /** The chat gateway: chat customers connect through the chat plugin's widget client. */
  readonly chat: ChatDialer;
}

/** Simulated customers getting in touch. */
export interface Customers {
  /**
   * A customer (a random one, or the one with `customerId`) gets in touch now on `channel`:
   * a call or an email opens a contact at once, a chat once its widget has connected.
   */
  arrive(channel: CustomerChannel, customerId?: string): void;
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

  const arrive = (channel: CustomerChannel, customerId?: string) => {
    const customer = customers.find((candidate) => candidate.id === customerId) ?? pick(customers);
    const subject = pick(subjects[channel]);
    if (channel === 'chat') {
      // A chat starts in the customer's widget: the gateway opens the contact when it connects.
      const widget = createChatClient({
        connect: options.chat,
        timers: clock,
        queueId: 'chat',
        customer: { name: customer.name, email: customer.email, phone: customer.phone },
        attributes: { subject },
      });
      widget.send(subject);
      return;
    }
    center.openContact({
      channel,
      queueId: channel === 'voice' ? 'phone' : channel,
      customer,
      attributes: { subject },
    });
  };

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
