import { defineScript } from '../defineScript';

/** First-line technical support: account, outage check, guided fixes per service, escalation. */
export const technicalSupport = defineScript({
  id: 'technicalSupport',
  name: 'Technical support',
  description: 'Diagnose internet, TV and mobile faults; book an engineer or escalate.',
  steps: [
    {
      id: 'verifyAccount',
      title: 'Verify account',
      prompt: 'Confirm the account holder and the service address.',
      input: { kind: 'confirm' },
      required: true,
      branches: [{ when: { fact: 'answer', equals: false }, goto: 'cannotProceed' }],
    },
    {
      id: 'outage',
      title: 'Known outage?',
      prompt: "Check the outage map for the customer's area. Is there a known outage?",
      input: { kind: 'confirm' },
      branches: [{ when: { fact: 'answer', equals: true }, goto: 'outageInfo' }],
    },
    {
      id: 'service',
      title: 'Service',
      prompt: 'Which service is affected?',
      input: {
        kind: 'choice',
        options: [
          { value: 'internet', label: 'Internet' },
          { value: 'tv', label: 'TV' },
          { value: 'mobile', label: 'Mobile' },
          { value: 'other', label: 'Something else' },
        ],
      },
      branches: [
        { when: { fact: 'answer', equals: 'tv' }, goto: 'reseatCable' },
        { when: { fact: 'answer', equals: 'mobile' }, goto: 'networkReset' },
        { when: { fact: 'answer', equals: 'other' }, goto: 'escalate' },
      ],
    },
    {
      id: 'restartRouter',
      title: 'Restart router',
      prompt:
        'Ask the customer to switch the router off for 30 seconds, then on. Wait for it to start.',
    },
    {
      id: 'routerLights',
      title: 'Router lights',
      prompt: 'What do the router lights show now?',
      input: {
        kind: 'choice',
        options: [
          { value: 'green', label: 'All green' },
          { value: 'red', label: 'Internet light red' },
          { value: 'off', label: 'No lights' },
        ],
      },
      branches: [
        { when: { fact: 'answer', equals: 'green' }, goto: 'fixed' },
        { when: { fact: 'answer', equals: 'off' }, goto: 'replaceAdapter' },
      ],
    },
    {
      id: 'lineTest',
      title: 'Line test',
      prompt: 'Run the remote line test. Did it pass?',
      input: { kind: 'confirm' },
      branches: [{ when: { fact: 'answer', equals: true }, goto: 'fixed' }],
    },
    {
      id: 'bookEngineer',
      title: 'Book engineer',
      prompt: 'Book an engineer visit and record the slot the customer chose.',
      input: { kind: 'text' },
      required: true,
      next: 'closing',
    },
    {
      id: 'replaceAdapter',
      title: 'Replace power adapter',
      prompt: 'Order a replacement power adapter (next-day delivery).',
      next: 'closing',
    },
    {
      id: 'reseatCable',
      title: 'Reseat cable',
      prompt: 'Ask the customer to reseat the HDMI and aerial cables and restart the box.',
      next: 'fixed',
    },
    {
      id: 'networkReset',
      title: 'Reset network settings',
      prompt: 'Walk the customer through resetting the network settings on the phone.',
      next: 'fixed',
    },
    {
      id: 'fixed',
      title: 'Problem solved?',
      prompt: 'Ask the customer to try again. Is the problem solved?',
      input: { kind: 'confirm' },
      required: true,
      branches: [
        { when: { fact: 'answer', equals: true }, goto: 'closing' },
        { when: { fact: 'answers.service', equals: 'internet' }, goto: 'lineTest' },
      ],
      next: 'escalate',
    },
    {
      id: 'escalate',
      title: 'Escalate',
      prompt: 'Raise a ticket to the second line with the symptoms and what was tried.',
      input: { kind: 'text' },
      required: true,
      next: 'closing',
    },
    {
      id: 'outageInfo',
      title: 'Outage',
      prompt: 'Give the outage reference and the estimated repair time; offer SMS updates.',
      next: 'end',
    },
    {
      id: 'cannotProceed',
      title: 'Account not verified',
      prompt: 'Explain that only the account holder can be helped; offer a call back to them.',
      next: 'end',
    },
    {
      id: 'closing',
      title: 'Closing',
      prompt: 'Summarise the fix or the next step and ask if there is anything else.',
      next: 'end',
    },
  ],
});
