import { customerReplies, inboxChannels, type InboxChannel } from './inboxes';
import type { ContactDraws, ContactLog } from './contactLog';
import type { Random } from './random';
import type { Scenario, SimChannel } from './scenario';
import { HOUR, SECOND, sampleMs, type SimWorld } from './world';

/** The random streams of the customers. */
export interface CustomerStreams {
  /** Arrivals, and everything each contact needs, drawn as it arrives. */
  readonly customerRandom: Random;
  /** Customers' replies to their own earlier message. */
  readonly replyRandom: Random;
}

/** What a contact of `queue` will need. Always the same draws in the same order. */
function drawNeeds(
  scenario: Scenario,
  random: Random,
  queue: Scenario['queues'][number],
): ContactDraws {
  const behaviourOf = scenario.channels[queue.channel];
  const patienceMs = behaviourOf?.patience ? sampleMs(random, behaviourOf.patience) : null;
  const handleMs = behaviourOf ? sampleMs(random, behaviourOf.handleTime) : 0;
  const wrapUpMs = behaviourOf ? sampleMs(random, behaviourOf.wrapUp) : 0;
  const disposition = random.weighted(scenario.dispositions, (code) => code.weight).code;
  const answers = random.chance(scenario.csat.responseRate);
  const weights = scenario.csat.scores[queue.channel];
  const score = weights
    ? random.weighted([1, 2, 3, 4, 5], (value) => weights[value - 1] ?? 0)
    : null;
  return {
    patienceMs,
    needs: { handleMs, wrapUpMs, disposition, surveyScore: answers ? score : null },
  };
}

const inboxChannelOf = (channel: SimChannel) =>
  (inboxChannels as readonly string[]).includes(channel) ? (channel as InboxChannel) : null;

/**
 * Schedules the customers of every queue until arrivals stop: Poisson arrivals following the
 * daily curve, calls and chats opened on the centre, emails, SMS and social messages through the
 * inboxes, and a share of customers who write again in the same thread. Each new contact is
 * booked in `log`.
 */
export function scheduleArrivals(
  world: SimWorld,
  scenario: Scenario,
  log: ContactLog,
  { customerRandom, replyRandom }: CustomerStreams,
): void {
  const { center, clock, agenda, inboxes, startAt, endAt } = world;
  const rateAt = (time: number, perHour: number) => {
    const hourOfDay = (scenario.startHour + Math.floor((time - startAt) / HOUR)) % 24;
    return perHour * (scenario.arrivalCurve[hourOfDay] ?? 0);
  };
  /** The next arrival after `from` of a Poisson stream whose rate is constant within each hour. */
  const nextArrival = (from: number, perHour: number): number | null => {
    for (let time = from; time < endAt;) {
      const hourEnd = Math.min(endAt, startAt + (Math.floor((time - startAt) / HOUR) + 1) * HOUR);
      const rate = rateAt(time, perHour);
      const candidate =
        rate > 0 ? time + customerRandom.exponential(HOUR / rate) : Number.POSITIVE_INFINITY;
      if (candidate < hourEnd) return candidate;
      time = hourEnd; // memoryless: start afresh at the hour's rate
    }
    return null;
  };
  /**
   * A share of customers write again in the same thread a while after their first message (an
   * email with In-Reply-To and References, the next SMS or social message): the inbox joins it
   * to the open contact, or opens a follow-up when that one is finished.
   */
  const planReply = (
    queue: Scenario['queues'][number],
    channel: InboxChannel,
    first: { customer: number; reason: string; messageId: string },
  ) => {
    const { share, meanDelaySec } = customerReplies[channel];
    if (!replyRandom.chance(share)) return;
    const at = clock.now() + replyRandom.exponential(meanDelaySec) * SECOND;
    if (at >= endAt) return;
    agenda.at(at, () => {
      const needs = drawNeeds(scenario, replyRandom, queue);
      const receipt = inboxes.receive({
        channel,
        queueId: queue.id,
        customer: first.customer,
        reason: first.reason,
        replyTo: first.messageId,
      });
      if (receipt.opened) log.admit(queue, receipt.contactId, needs);
    });
  };
  for (const queue of scenario.queues) {
    const inboxChannel = inboxChannelOf(queue.channel);
    const arrive = () => {
      const random = customerRandom;
      const reason = random.weighted(scenario.customers.reasons, (item) => item.weight).code;
      const customerNumber = random.int(1, scenario.customers.population);
      // Always the same draws in the same order, whatever happens to the contact later.
      const needs = drawNeeds(scenario, random, queue);
      if (inboxChannel) {
        const receipt = inboxes.receive({
          channel: inboxChannel,
          queueId: queue.id,
          customer: customerNumber,
          reason,
          replyTo: null,
        });
        if (receipt.opened) log.admit(queue, receipt.contactId, needs);
        planReply(queue, inboxChannel, {
          customer: customerNumber,
          reason,
          messageId: receipt.messageId,
        });
      } else {
        const contact = center.openContact({
          channel: queue.channel,
          direction: queue.channel === 'callback' ? 'outbound' : 'inbound',
          queueId: queue.id,
          customer: { id: `cust-${customerNumber}`, attributes: {} },
          // The engine keys FCR by customer and `attributes.reason`.
          attributes: { simulated: true, reason },
        });
        log.admit(queue, contact.id, needs);
      }
      const next = nextArrival(clock.now(), queue.arrivalsPerHour);
      if (next !== null) agenda.at(next, arrive);
    };
    const first = nextArrival(startAt, queue.arrivalsPerHour);
    if (first !== null) agenda.at(first, arrive);
  }
}
