import { defaultDispositions, type Disposition } from '@switchboard/core';

/** Codes only some queues use, beside the centre's defaults. */
export const extraDispositions: readonly Disposition[] = [
  { code: 'paymentTaken', label: 'Payment taken', resolved: true },
  { code: 'refundIssued', label: 'Refund issued', resolved: true },
];

const code = (id: string): Disposition => {
  const found = [...defaultDispositions, ...extraDispositions].find((known) => known.code === id);
  if (!found) throw new RangeError(`No disposition ${id}.`);
  return found;
};

/**
 * The wrap-up codes of each queue, for the dispositions plugin: a queue not listed (web chat)
 * uses the centre's list.
 */
export const queueDispositions: Record<string, Disposition[]> = {
  phone: ['resolved', 'paymentTaken', 'followUp', 'escalated', 'noAnswer'].map(code),
  email: ['resolved', 'refundIssued', 'followUp', 'escalated'].map(code),
};
