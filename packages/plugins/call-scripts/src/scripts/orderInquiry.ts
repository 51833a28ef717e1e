import { defineScript } from '../defineScript';

/** An order inquiry: order and customer checked, then status, change, cancellation or refund. */
export const orderInquiry = defineScript({
  id: 'orderInquiry',
  name: 'Order inquiry',
  description: 'Answer a question about an order: where it is, change, cancel or refund it.',
  steps: [
    {
      id: 'orderNumber',
      title: 'Order number',
      prompt: 'Ask for the order number (ORD- and digits, on the confirmation email).',
      input: { kind: 'text', pattern: '^ORD-\\d{4,}$', maxLength: 20 },
      required: true,
    },
    {
      id: 'verifyCustomer',
      title: 'Verify customer',
      prompt: 'Confirm the name and delivery postcode on the order. Do they match?',
      input: { kind: 'confirm' },
      required: true,
      branches: [{ when: { fact: 'answer', equals: false }, goto: 'cannotDisclose' }],
    },
    {
      id: 'topic',
      title: 'Reason for contact',
      prompt: 'What does the customer want to do with the order?',
      input: {
        kind: 'choice',
        options: [
          { value: 'status', label: 'Where is my order?' },
          { value: 'change', label: 'Change the order' },
          { value: 'cancel', label: 'Cancel the order' },
          { value: 'refund', label: 'Refund a return' },
        ],
      },
      branches: [
        { when: { fact: 'answer', equals: 'change' }, goto: 'notShipped' },
        { when: { fact: 'answer', equals: 'cancel' }, goto: 'cancelReason' },
        { when: { fact: 'answer', equals: 'refund' }, goto: 'returnReceived' },
      ],
    },
    {
      id: 'tracking',
      title: 'Tracking',
      prompt:
        'Read the latest tracking event and the delivery estimate. Is it later than promised?',
      input: { kind: 'confirm' },
      branches: [
        {
          when: [
            { fact: 'answer', equals: true },
            { fact: 'customer.attributes.tier', in: ['gold', 'platinum'] },
          ],
          goto: 'priorityCompensation',
        },
        { when: { fact: 'answer', equals: false }, goto: 'summary' },
      ],
    },
    {
      id: 'compensation',
      title: 'Goodwill',
      prompt: 'Apologise and offer a goodwill gesture.',
      input: {
        kind: 'choice',
        options: [
          { value: 'voucher', label: '10% voucher' },
          { value: 'shipping', label: 'Shipping refunded' },
          { value: 'none', label: 'Declined' },
        ],
      },
      next: 'summary',
    },
    {
      id: 'priorityCompensation',
      title: 'Priority goodwill',
      prompt: 'Apologise, refund the shipping and upgrade the next order to express delivery.',
      next: 'summary',
    },
    {
      id: 'notShipped',
      title: 'Not shipped yet?',
      prompt: 'Check the warehouse status. Is the order still unshipped?',
      input: { kind: 'confirm' },
      branches: [{ when: { fact: 'answer', equals: false }, goto: 'alreadyShipped' }],
    },
    {
      id: 'applyChange',
      title: 'Apply change',
      prompt: 'Make the change and record what changed (items, address, delivery slot).',
      input: { kind: 'text' },
      required: true,
      next: 'summary',
    },
    {
      id: 'alreadyShipped',
      title: 'Already shipped',
      prompt: 'Explain that the order has left the warehouse; offer a return after delivery.',
      next: 'summary',
    },
    {
      id: 'cancelReason',
      title: 'Cancellation reason',
      prompt: 'Ask why the customer wants to cancel.',
      input: {
        kind: 'choice',
        options: [
          { value: 'changedMind', label: 'Changed their mind' },
          { value: 'cheaper', label: 'Found it cheaper' },
          { value: 'tooSlow', label: 'Delivery too slow' },
          { value: 'other', label: 'Other' },
        ],
      },
    },
    {
      id: 'cancelOrder',
      title: 'Cancel order',
      prompt: 'Cancel the order; the payment is released within 5 working days.',
      required: true,
      next: 'summary',
    },
    {
      id: 'returnReceived',
      title: 'Return received?',
      prompt: 'Has the warehouse received the returned items?',
      input: { kind: 'confirm' },
      branches: [{ when: { fact: 'answer', equals: false }, goto: 'returnLabel' }],
    },
    {
      id: 'refundAmount',
      title: 'Refund',
      prompt: 'Issue the refund and record the amount.',
      input: { kind: 'number', min: 0 },
      required: true,
      next: 'summary',
    },
    {
      id: 'returnLabel',
      title: 'Return label',
      prompt: 'Send a prepaid return label; the refund follows once the items arrive.',
    },
    {
      id: 'summary',
      title: 'Summary',
      prompt: 'Summarise what was agreed and give the order reference.',
      required: true,
      next: 'end',
    },
    {
      id: 'cannotDisclose',
      title: 'Cannot disclose',
      prompt: 'Explain that order details go only to the account holder; offer to email them.',
      next: 'end',
    },
  ],
});
