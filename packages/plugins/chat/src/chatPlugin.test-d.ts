import { createDesk, type PluginApi } from '@switchboard/core';
import { describe, expectTypeOf, it } from 'vitest';
import { chat, type ChatDeskApi, type ChatMessageReceived, type DeskChat } from './index';
import { createInProcessChatTransport } from './transport/inProcess';

describe('chat plugin types', () => {
  it('declares its API, events and config by declaration merging', () => {
    expectTypeOf<PluginApi<'chat'>>().toEqualTypeOf<ChatDeskApi>();
    const transport = createInProcessChatTransport();
    const desk = createDesk({
      agent: { id: 'ada', name: 'Ada' },
      plugins: [{ plugin: chat, config: { connect: transport.dial } }],
    });
    expectTypeOf(desk.plugin('chat').getSnapshot().chats).toEqualTypeOf<readonly DeskChat[]>();
    desk.events.on('chat.messageReceived', (event) => {
      expectTypeOf(event).toEqualTypeOf<ChatMessageReceived>();
      expectTypeOf(event.message.from).toEqualTypeOf<'customer' | 'agent' | 'system'>();
    });
    type Config = Parameters<typeof chat.setup>[1];
    expectTypeOf<Config['connect']>().toEqualTypeOf<typeof transport.dial>();
    // @ts-expect-error -- send needs a contact id and text
    desk.plugin('chat').send('only an id');
  });
});
