import type { Clock, ContactCenter, ContactId } from '@switchboard/core';
import { createEmailInbox, type EmailInbox } from '@switchboard/plugin-email';
import {
  createConversationInbox,
  type ConversationInbox,
  type ConversationOutcome,
} from '@switchboard/plugin-sms-social';

/** The channels whose messages reach the centre through a plugin's inbox. */
export const inboxChannels = ['email', 'sms', 'social'] as const;
/** One of {@link inboxChannels}. */
export type InboxChannel = (typeof inboxChannels)[number];

/** What an inbox did with the messages of one channel. */
export interface InboxCounts {
  /** Messages received (customers' first messages and their replies). */
  readonly messages: number;
  /** Replies to an earlier message of the customer's (In-Reply-To for email, the same sender otherwise). */
  readonly replies: number;
  /** Messages that opened a new contact. */
  readonly opened: number;
  /** Messages that joined their thread's open contact: no new contact. */
  readonly joined: number;
  /** Messages that opened a follow-up contact, the thread's last one being finished. */
  readonly reopened: number;
}

/** One simulated message: a customer's first message of a thread, or a reply in it. */
export interface SimulatedMessage {
  /** The channel. */
  readonly channel: InboxChannel;
  /** The queue, and so the inbox. */
  readonly queueId: string;
  /** The customer's number in the scenario's population. */
  readonly customer: number;
  /** The contact reason, the email's subject. */
  readonly reason: string;
  /** For a reply, the message it answers (from {@link SimulatedInboxes.receive}); else `null`. */
  readonly replyTo: string | null;
}

/** The answer of {@link SimulatedInboxes.receive}. */
export interface SimulatedReceipt {
  /** The contact that carries the message, new when `opened` is true. */
  readonly contactId: ContactId;
  /** Whether the message opened a contact (`opened` or `reopened`), rather than joining one. */
  readonly opened: boolean;
  /** The message's id, for a reply to it. */
  readonly messageId: string;
}

/** The centre side of the email and SMS/social plugins, fed as a host's mail and webhook relays would. */
export interface SimulatedInboxes {
  /** Delivers one message to its channel's inbox. */
  receive(message: SimulatedMessage): SimulatedReceipt;
  /** The reason of a thread in a queue (for FCR), by its `threadId` or `conversationId`. */
  reasonOf(queueId: string, threadId: string): string | undefined;
  /** The counts so far, per channel. */
  counts(): Record<InboxChannel, InboxCounts>;
}

const emptyCounts = (): InboxCounts => ({
  messages: 0,
  replies: 0,
  opened: 0,
  joined: 0,
  reopened: 0,
});

/** The SMS number of customer `n`: a French mobile number in E.164, as the webhook handler gives. */
const phoneOf = (n: number) => `+336${String(n).padStart(8, '0')}`;

/**
 * Creates the inboxes of the centre's email, SMS and social queues, one per queue, made as its
 * first message comes: emails through `createEmailInbox` of `@switchboard/plugin-email`, SMS and
 * social messages through `createConversationInbox` of `@switchboard/plugin-sms-social`. Both are
 * synchronous: a message opens, joins or reopens a contact before `receive` returns.
 */
export function createSimulatedInboxes(options: {
  /** The centre. */
  readonly center: ContactCenter;
  /** The clock that dates the messages (the run's virtual one). */
  readonly clock: Pick<Clock, 'now'>;
}): SimulatedInboxes {
  const { center, clock } = options;
  const emailInboxes = new Map<string, EmailInbox>();
  const conversationInboxes = new Map<string, ConversationInbox>();
  const emailInbox = (queueId: string) => {
    let inbox = emailInboxes.get(queueId);
    if (!inbox) emailInboxes.set(queueId, (inbox = createEmailInbox({ center, queueId, clock })));
    return inbox;
  };
  // A queue takes one channel: the inbox of an SMS queue never gets a social message.
  const conversationInbox = (queueId: string) => {
    let inbox = conversationInboxes.get(queueId);
    if (!inbox) {
      inbox = createConversationInbox({ center, queues: { sms: queueId, social: queueId }, clock });
      conversationInboxes.set(queueId, inbox);
    }
    return inbox;
  };
  const counts: Record<InboxChannel, InboxCounts> = {
    email: emptyCounts(),
    sms: emptyCounts(),
    social: emptyCounts(),
  };
  const reasons = new Map<string, string>();
  let nextMessage = 0;

  const tally = (channel: InboxChannel, reply: boolean, outcome: ConversationOutcome) => {
    const before = counts[channel];
    counts[channel] = {
      messages: before.messages + 1,
      replies: before.replies + (reply ? 1 : 0),
      opened: before.opened + (outcome === 'opened' ? 1 : 0),
      joined: before.joined + (outcome === 'joined' ? 1 : 0),
      reopened: before.reopened + (outcome === 'reopened' ? 1 : 0),
    };
  };

  return {
    receive({ channel, queueId, customer, reason, replyTo }) {
      nextMessage += 1;
      if (channel === 'email') {
        const messageId = `sim-${nextMessage}@customers.example`;
        // A new thread's id is its first Message-ID; a reply keeps its parent's reason.
        if (replyTo === null) reasons.set(`${queueId}\u0000${messageId}`, reason);
        const result = emailInbox(queueId).receive({
          messageId,
          inReplyTo: replyTo,
          references: replyTo === null ? [] : [replyTo],
          from: { address: `cust-${customer}@customers.example` },
          subject: replyTo === null ? reason : `Re: ${reason}`,
          text: '(simulated)',
        });
        tally(channel, replyTo !== null, result.outcome);
        return {
          // The id the centre gave the contact the inbox opened or found.
          contactId: result.contactId as ContactId,
          opened: result.outcome === 'opened' || result.outcome === 'reopened',
          messageId,
        };
      }
      const sms = channel === 'sms';
      const network = sms ? 'sms' : 'messenger';
      const from = sms ? phoneOf(customer) : `cust-${customer}`;
      const messageId = `m${nextMessage}`;
      // The conversation's id is `<channel>:<network>:<sender>`; its latest reason keys FCR.
      reasons.set(`${queueId}\u0000${channel}:${network}:${from}`, reason);
      const receipt = conversationInbox(queueId).receive({
        id: messageId,
        channel,
        network,
        from,
        text: '(simulated)',
      });
      tally(channel, replyTo !== null, receipt.outcome);
      return {
        contactId: receipt.contactId as ContactId,
        opened: receipt.outcome === 'opened' || receipt.outcome === 'reopened',
        messageId,
      };
    },
    reasonOf: (queueId, threadId) => reasons.get(`${queueId}\u0000${threadId}`),
    counts: () => ({ ...counts }),
  };
}

/**
 * How often, and how soon (mean of an exponential delay, seconds), a customer writes again in
 * the thread of their first message of the day.
 */
export const customerReplies: Readonly<
  Record<InboxChannel, { readonly share: number; readonly meanDelaySec: number }>
> = {
  email: { share: 0.15, meanDelaySec: 45 * 60 },
  sms: { share: 0.3, meanDelaySec: 4 * 60 },
  social: { share: 0.3, meanDelaySec: 6 * 60 },
};
