import type { AgentInput, QueueInput } from '@switchboard/core';

/** One queue per channel; the service levels are the usual targets for each. */
export const queues: readonly QueueInput[] = [
  {
    id: 'phone',
    name: 'Phone',
    channels: ['voice'],
    serviceLevel: { percent: 80, seconds: 20 },
  },
  {
    id: 'chat',
    name: 'Web chat',
    channels: ['chat'],
    serviceLevel: { percent: 80, seconds: 60 },
  },
  {
    id: 'email',
    name: 'Email',
    channels: ['email'],
    serviceLevel: { percent: 90, seconds: 4 * 3600 },
  },
];

/** The team. Whoever signs in takes a desk; the others are simulated colleagues. */
export const agents: readonly AgentInput[] = [
  { id: 'ada', name: 'Ada Lovelace' },
  { id: 'grace', name: 'Grace Hopper', roles: ['agent', 'supervisor'] },
  { id: 'alan', name: 'Alan Turing' },
  { id: 'katherine', name: 'Katherine Johnson' },
];

/** The memory CRM's customers: everyone who calls, chats or writes in. */
export const customers = [
  { id: 'cus-1', name: 'Marie Curie', phone: '+33 1 44 27 00 01', email: 'marie@example.com' },
  { id: 'cus-2', name: 'Nikola Tesla', phone: '+1 212 555 0142', email: 'nikola@example.com' },
  {
    id: 'cus-3',
    name: 'Rosalind Franklin',
    phone: '+44 20 7946 0123',
    email: 'rosalind@example.com',
  },
  {
    id: 'cus-4',
    name: 'Srinivasa Ramanujan',
    phone: '+91 44 2345 6789',
    email: 'ramanujan@example.com',
  },
  { id: 'cus-5', name: 'Hedy Lamarr', phone: '+43 1 711 0042', email: 'hedy@example.com' },
] as const;

/** What customers get in touch about, per channel. */
export const subjects = {
  voice: [
    'Forgot my password',
    'Where is my order?',
    'My internet is down',
    'Activate my new account',
  ],
  chat: ['Where is my parcel?', 'Password reset does not arrive', 'Upgrade my plan'],
  email: ['Refund for a double charge', 'Invoice copy for March', 'Cancel my subscription'],
} as const;
