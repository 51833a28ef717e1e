// The bot itself: a desk's agent that takes every chat offered to it, answers what it can and
// transfers the rest to a human queue. It sees only a desk (`DeskControls`, embedded or remote)
// and the chat plugin's API, so the same code runs in process and against a server.
import type { DeskControls } from '@switchboard/core';
import type { ChatDeskApi, DeskChat } from '@switchboard/plugin-chat';
import { onceEach } from './onceEach';
import { matchIntent, shopIntents, type Intent } from './intents';

/** Options of {@link createBot}. */
export interface BotOptions {
  /** The bot's desk, logged in: `createDesk(...)` or `await connectDesk(...)`. */
  readonly desk: Pick<
    DeskControls,
    'agentId' | 'getSnapshot' | 'subscribe' | 'accept' | 'transfer' | 'complete'
  >;
  /** The chat plugin's API on that desk's agent: `desk.plugin('chat')`. */
  readonly chat: Pick<ChatDeskApi, 'getSnapshot' | 'subscribe' | 'send' | 'markRead'>;
  /** Where chats go when the bot cannot help, or the customer asks for a person. */
  readonly handoffQueueId: string;
  /** The FAQs it answers. Default: {@link shopIntents}. */
  readonly intents?: readonly Intent[];
  /** Questions in a row it may fail to understand before it hands off. Default 2. */
  readonly maxMisses?: number;
  /** Receives one line per thing the bot does. Default: silent. */
  readonly log?: (line: string) => void;
}

/** What the bot has done so far. */
export interface BotSnapshot {
  /** Chats it accepted. */
  readonly accepted: number;
  /** FAQ answers it sent. */
  readonly answered: number;
  /** Chats it transferred to the human queue. */
  readonly handedOff: number;
  /** Chats that ended with the bot (the customer left satisfied, or just left). */
  readonly completed: number;
  /** Operations that failed (logged; the bot goes on). */
  readonly failures: number;
}

/** A running bot. */
export interface Bot {
  /** Counts of what it has done; a new object on every change. */
  getSnapshot(): BotSnapshot;
  /** Calls `listener` after every change. */
  subscribe(listener: () => void): () => void;
  /** Stops following the desk; chats in hand stay where they are. */
  dispose(): void;
}

interface Conversation {
  /** Customer messages up to this seq are answered. */
  handledSeq: number;
  misses: number;
  /** The hand-off message sent; transfer once the gateway has confirmed it. */
  handoff: string | null;
}

/**
 * Starts a bot on a logged-in desk with the chat plugin.
 *
 * @example
 * ```ts
 * const bot = createBot({ desk, chat: desk.plugin('chat'), handoffQueueId: 'support' });
 * ```
 */
export function createBot(options: BotOptions): Bot {
  const { desk, chat, handoffQueueId } = options;
  const intents = options.intents ?? shopIntents;
  const maxMisses = options.maxMisses ?? 2;
  const log = options.log ?? (() => undefined);
  const conversations = new Map<string, Conversation>();
  const listeners = new Set<() => void>();
  let snapshot: BotSnapshot = { accepted: 0, answered: 0, handedOff: 0, completed: 0, failures: 0 };

  const count = (key: keyof BotSnapshot) => {
    snapshot = { ...snapshot, [key]: snapshot[key] + 1 };
    for (const listener of listeners) listener();
  };

  const run = onceEach((key, error) => {
    count('failures');
    log(`bot: ${key} failed: ${error instanceof Error ? error.message : String(error)}`);
  });

  /** Accepts chat offers; completes chats the customer ended (wrap-up). */
  function onDesk() {
    for (const contact of desk.getSnapshot().contacts) {
      if (contact.channel !== 'chat') continue;
      if (contact.status === 'offered')
        run(`accept ${contact.id}`, async () => {
          await desk.accept(contact.id);
          count('accepted');
        });
      else if (contact.status === 'wrapUp' && contact.agentId === desk.agentId)
        run(`complete ${contact.id}`, async () => {
          await desk.complete(contact.id);
          conversations.delete(contact.id);
          count('completed');
          log(`bot: the chat with ${contact.customer.name ?? contact.id} ended with the bot`);
        });
    }
  }

  const say = (item: DeskChat, text: string) => {
    const sent = chat.send(item.contactId, text);
    log(`bot → ${item.customer.name ?? item.contactId}: ${text}`);
    return sent.clientId;
  };

  /** Answers each new customer message; hands off once its message is confirmed. */
  function onChat() {
    for (const item of chat.getSnapshot().chats) {
      if (item.status !== 'connected') continue;
      let state = conversations.get(item.contactId);
      if (!state) {
        state = { handledSeq: 0, misses: 0, handoff: null };
        conversations.set(item.contactId, state);
      }
      if (state.handoff !== null) {
        const clientId = state.handoff;
        if (item.messages.some((message) => message.clientId === clientId))
          run(`transfer ${item.contactId}`, async () => {
            await desk.transfer(item.contactId, { kind: 'queue', queueId: handoffQueueId });
            conversations.delete(item.contactId);
            count('handedOff');
            log(`bot: ${item.customer.name ?? item.contactId} transferred to ${handoffQueueId}`);
          });
        continue;
      }
      const fresh = item.messages.filter(
        (message) => message.from === 'customer' && message.seq > state.handledSeq,
      );
      if (fresh.length === 0) continue;
      state.handledSeq = fresh.at(-1)?.seq ?? state.handledSeq;
      chat.markRead(item.contactId);
      for (const message of fresh) {
        log(`${item.customer.name ?? 'customer'} → bot: ${message.text}`);
        const reading = matchIntent(message.text, intents);
        if (reading.kind === 'answer') {
          state.misses = 0;
          say(item, reading.intent.answer);
          count('answered');
        } else if (reading.kind === 'smallTalk') {
          say(item, 'Happy to help! Ask me about opening hours, delivery, returns or passwords.');
        } else if (reading.kind === 'unknown' && ++state.misses < maxMisses) {
          say(item, 'Sorry, I did not get that. Could you put it another way?');
        } else {
          state.handoff = say(item, 'Let me get you a person; one moment please.');
          break;
        }
      }
    }
  }

  const safely = (handler: () => void) => () => {
    try {
      handler();
    } catch (error) {
      count('failures');
      log(`bot: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const stopDesk = desk.subscribe(safely(onDesk));
  const stopChat = chat.subscribe(safely(onChat));
  safely(onDesk)();
  safely(onChat)();

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      stopDesk();
      stopChat();
      listeners.clear();
    },
  };
}
