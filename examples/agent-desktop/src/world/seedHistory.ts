import type { MemoryCrm } from '@switchboard/crm-adapters';

const DAY = 86_400_000;

/** Past contacts and an open ticket, so that customers have a history across channels. */
export function seedHistory(crm: MemoryCrm, now: number): void {
  const past = [
    {
      customerId: 'cus-1',
      channel: 'email',
      daysAgo: 9,
      minutes: 6,
      summary: 'Asked for an invoice copy; sent.',
    },
    {
      customerId: 'cus-1',
      channel: 'voice',
      daysAgo: 3,
      minutes: 7,
      summary: 'Card declined: limit raised.',
    },
    {
      customerId: 'cus-2',
      channel: 'chat',
      daysAgo: 1,
      minutes: 12,
      summary: 'Parcel late; courier chased.',
    },
    {
      customerId: 'cus-3',
      channel: 'voice',
      daysAgo: 14,
      minutes: 4,
      summary: 'Moved house; address changed.',
    },
  ] as const;
  past.forEach((contact, index) => {
    const startedAt = now - contact.daysAgo * DAY;
    void crm.logInteraction({
      contactId: `past-${String(index + 1)}`,
      channel: contact.channel,
      customerId: contact.customerId,
      agentId: 'katherine',
      startedAt,
      endedAt: startedAt + contact.minutes * 60_000,
      disposition: 'resolved',
      summary: contact.summary,
    });
  });
  void crm.createTicket({
    subject: 'Parcel 4411 late',
    priority: 'normal',
    status: 'open',
    customerId: 'cus-2',
  });
}
