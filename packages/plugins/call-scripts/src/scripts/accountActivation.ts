import { defineScript } from '../defineScript';

/** Activating a new account: identity, email on file, activation code, activation. */
export const accountActivation = defineScript({
  id: 'accountActivation',
  name: 'Account activation',
  description: 'Activate a new account after verifying the customer and delivering a code.',
  steps: [
    {
      id: 'greet',
      title: 'Greeting',
      prompt: 'Thank the customer for signing up and say you will activate the account together.',
    },
    {
      id: 'verifyIdentity',
      title: 'Verify identity',
      prompt: 'Ask for full name, date of birth and postcode. Do they match the application?',
      input: { kind: 'confirm' },
      required: true,
      branches: [{ when: { fact: 'answer', equals: false }, goto: 'identityFailed' }],
    },
    {
      id: 'emailOnFile',
      title: 'Email on file',
      prompt: 'Read back the email address on file. Is it still correct?',
      input: { kind: 'confirm' },
      branches: [{ when: { fact: 'answer', equals: true }, goto: 'sendCode' }],
    },
    {
      id: 'updateEmail',
      title: 'Update email',
      prompt: 'Record the new email address and update the account.',
      input: { kind: 'text', pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', maxLength: 254 },
    },
    {
      id: 'sendCode',
      title: 'Send activation code',
      prompt: 'Send the activation code from the admin console.',
      required: true,
    },
    {
      id: 'codeReceived',
      title: 'Code received',
      prompt: 'Ask the customer to read the code back. What happened?',
      input: {
        kind: 'choice',
        options: [
          { value: 'received', label: 'Received and read back' },
          { value: 'notReceived', label: 'Not received' },
          { value: 'expired', label: 'Expired' },
        ],
      },
      branches: [
        { when: { fact: 'answer', equals: 'notReceived' }, goto: 'checkSpam' },
        { when: { fact: 'answer', equals: 'expired' }, goto: 'sendCode' },
      ],
      next: 'activate',
    },
    {
      id: 'checkSpam',
      title: 'Check spam folder',
      prompt: 'Ask the customer to look in their spam or junk folder. Did they find it?',
      input: { kind: 'confirm' },
      branches: [{ when: { fact: 'answer', equals: false }, goto: 'escalate' }],
    },
    {
      id: 'activate',
      title: 'Activate',
      prompt: 'Activate the account and confirm the customer can log in.',
      required: true,
    },
    {
      id: 'securityTips',
      title: 'Security tips',
      prompt: 'Recommend turning on two-step verification in the account settings.',
      next: 'end',
    },
    {
      id: 'identityFailed',
      title: 'Identity not verified',
      prompt:
        'Explain that the account cannot be activated by phone; offer the branch or video check.',
      next: 'end',
    },
    {
      id: 'escalate',
      title: 'Escalate',
      prompt: 'Raise a ticket for a manual activation by the second line; give the reference.',
      input: { kind: 'text' },
      next: 'end',
    },
  ],
});
