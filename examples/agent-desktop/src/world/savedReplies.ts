import type { CannedResponse, Macro } from '@switchboard/plugin-canned-responses';

/** The saved replies agents pick from in chats and emails; `{{variables}}` are filled. */
export const savedReplies: CannedResponse[] = [
  {
    id: 'greeting',
    title: 'Greeting',
    body: 'Hello {{customer.name}}, this is {{agent.name}}. How can I help?',
    shortcut: '/hi',
    tags: ['hello', 'welcome'],
  },
  {
    id: 'parcel',
    title: 'Parcel investigation',
    body: 'I have opened an investigation with the courier about your parcel; you will hear from us within two working days.',
    channels: ['chat', 'email'],
    tags: ['delivery', 'courier', 'parcel'],
  },
  {
    id: 'refund',
    title: 'Refund on its way',
    subject: 'Your refund',
    body: 'Dear {{customer.name}},\n\nthe refund is on its way and reaches your account within five working days.\n\n{{agent.name}}',
    channels: ['email'],
    queues: ['email'],
    tags: ['money', 'refund'],
  },
  {
    id: 'thanks',
    title: 'Thanks and goodbye',
    body: 'Thank you for contacting us, {{customer.name}}. Have a good day!',
    shortcut: '/bye',
    tags: ['goodbye'],
  },
];

/** Macros: saved replies joined into one message. */
export const savedMacros: Macro[] = [
  {
    id: 'parcelAndThanks',
    title: 'Parcel investigation and goodbye',
    parts: ['parcel', 'thanks'],
    separator: '\n\n',
    tags: ['delivery'],
  },
];
