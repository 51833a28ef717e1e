// A stand-in for the person on the support queue, so the demo shows a hand-off end to end: in a
// real centre this is someone at the agent desktop (examples/agent-desktop).
import type { DeskControls } from '@switchboard/core';
import type { ChatDeskApi } from '@switchboard/plugin-chat';
import { onceEach } from './onceEach';

/** Accepts chat offers, greets each handed-off customer once, completes chats that ended. */
export function staffWithStandIn(
  desk: Pick<DeskControls, 'getSnapshot' | 'subscribe' | 'accept' | 'complete'>,
  chat: Pick<ChatDeskApi, 'getSnapshot' | 'subscribe' | 'send'>,
  log: (line: string) => void,
): () => void {
  const once = onceEach((key, error) => {
    log(`ada: ${key} failed: ${String(error)}`);
  });
  const greeted = new Set<string>();
  const stopDesk = desk.subscribe(() => {
    for (const contact of desk.getSnapshot().contacts) {
      if (contact.status === 'offered') once(`accept ${contact.id}`, () => desk.accept(contact.id));
      if (contact.status === 'wrapUp')
        once(`complete ${contact.id}`, () => desk.complete(contact.id));
    }
  });
  const stopChat = chat.subscribe(() => {
    for (const item of chat.getSnapshot().chats) {
      if (item.status !== 'connected' || greeted.has(item.contactId)) continue;
      greeted.add(item.contactId);
      const asked = item.messages.filter((message) => message.from === 'customer').length;
      const text = `Hi ${item.customer.name ?? 'there'}, Ada here. I have read your ${String(asked)} message(s) to the bot; let me sort this out.`;
      chat.send(item.contactId, text);
      log(`ada → ${item.customer.name ?? item.contactId}: ${text}`);
    }
  });
  return () => {
    stopDesk();
    stopChat();
  };
}
