import type { Desk, EventListener, SwitchboardEvents } from '@switchboard/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { EmailMessage } from './message';
import type { EmailDeskApi, EmailReplySent } from './emailPlugin';
import './emailPlugin';

declare const desk: Desk;

describe('email plugin declarations', () => {
  it('types its API, events and action by declaration merging', () => {
    expectTypeOf(desk.plugin('email')).toEqualTypeOf<EmailDeskApi>();
    expectTypeOf<SwitchboardEvents['email.replySent']>().toEqualTypeOf<EmailReplySent>();
    expectTypeOf<EventListener<SwitchboardEvents, 'email.replyFailed'>>()
      .parameter(0)
      .toHaveProperty('error');
    expectTypeOf(desk.invoke('email.reply', { contactId: 'c1', text: 'Hi' })).toEqualTypeOf<
      Promise<EmailMessage>
    >();
    // @ts-expect-error -- a reply needs a text
    void desk.invoke('email.reply', { contactId: 'c1' });
  });
});
