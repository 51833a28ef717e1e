import type { Desk, SwitchboardEvents } from '@switchboard/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { ConversationMessage } from './message';
import type { SmsSocialApi, SmsSocialReplyOutcome } from './smsSocialPlugin';
import './smsSocialPlugin';

declare const desk: Desk;

describe('sms-social plugin declarations', () => {
  it('types its API, events and action by declaration merging', () => {
    expectTypeOf(desk.plugin('sms-social')).toEqualTypeOf<SmsSocialApi>();
    expectTypeOf<
      SwitchboardEvents['sms-social.replySent']
    >().toEqualTypeOf<SmsSocialReplyOutcome>();
    expectTypeOf(desk.invoke('sms-social.reply', { contactId: 'c1', text: 'Hi' })).toEqualTypeOf<
      Promise<ConversationMessage>
    >();
    // @ts-expect-error -- a reply needs a text
    void desk.invoke('sms-social.reply', { contactId: 'c1' });
  });
});
