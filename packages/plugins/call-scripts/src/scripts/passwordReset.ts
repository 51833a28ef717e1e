import { defineScript } from '../defineScript';

/** Resetting a password: security check, unlock, reset link or code, login confirmed. */
export const passwordReset = defineScript({
  id: 'passwordReset',
  name: 'Password reset',
  description: 'Reset a password after the security questions, by email link or SMS code.',
  steps: [
    {
      id: 'verifyIdentity',
      title: 'Security questions',
      prompt: 'Ask two security questions from the account. Did the customer pass?',
      input: {
        kind: 'choice',
        options: [
          { value: 'passed', label: 'Passed' },
          { value: 'failed', label: 'Failed' },
        ],
      },
      required: true,
      branches: [{ when: { fact: 'answer', equals: 'failed' }, goto: 'selfService' }],
    },
    {
      id: 'locked',
      title: 'Account locked?',
      prompt: 'Check the account status. Is it locked after failed attempts?',
      input: { kind: 'confirm' },
      branches: [{ when: { fact: 'answer', equals: false }, goto: 'resetMethod' }],
    },
    {
      id: 'unlock',
      title: 'Unlock',
      prompt: 'Unlock the account in the admin console.',
      required: true,
    },
    {
      id: 'resetMethod',
      title: 'Reset method',
      prompt: 'Ask how the customer wants to receive the reset.',
      input: {
        kind: 'choice',
        options: [
          { value: 'email', label: 'Email link' },
          { value: 'sms', label: 'SMS code' },
        ],
      },
      branches: [{ when: { fact: 'answer', equals: 'sms' }, goto: 'sendSms' }],
    },
    {
      id: 'sendLink',
      title: 'Send reset link',
      prompt: 'Send the reset link to the email on file; it is valid for 30 minutes.',
      required: true,
      next: 'confirmLogin',
    },
    {
      id: 'sendSms',
      title: 'Send SMS code',
      prompt: 'Send the one-time code to the mobile number on file.',
      required: true,
    },
    {
      id: 'confirmLogin',
      title: 'Login confirmed',
      prompt: 'Ask the customer to log in with the new password. Did it work?',
      input: { kind: 'confirm' },
      required: true,
      branches: [{ when: { fact: 'answer', equals: true }, goto: 'end' }],
    },
    {
      id: 'troubleshoot',
      title: 'Troubleshoot login',
      prompt: 'What stops the login?',
      input: {
        kind: 'choice',
        options: [
          { value: 'cache', label: 'Old password saved in the browser' },
          { value: 'wrongAccount', label: 'Logging into another account' },
          { value: 'other', label: 'Something else' },
        ],
      },
      branches: [{ when: { fact: 'answer', in: ['cache', 'wrongAccount'] }, goto: 'confirmLogin' }],
    },
    {
      id: 'escalate',
      title: 'Escalate',
      prompt: 'Raise a ticket to the identity team with what was tried.',
      input: { kind: 'text' },
      next: 'end',
    },
    {
      id: 'selfService',
      title: 'Self-service',
      prompt: 'Explain that the reset needs a passed check; send the self-service reset page.',
      next: 'end',
    },
  ],
});
