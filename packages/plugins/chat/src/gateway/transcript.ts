import type { Logger, Storage } from '@switchboard/core';
import type { ChatMessage } from '../protocol/message';
import type { Conversation } from './conversation';

/** The width seqs are padded to in storage keys, so keys sort in seq order. */
const seqWidth = 10;

/**
 * Keeps transcripts on the storage port: `chat:<id>` holds the conversation's facts,
 * `chat:<id>:<seq>` each message. Writes are chained, so they land in call order; a failed write
 * is logged and the chain goes on.
 */
export function createTranscript(storage: Storage, logger: Logger) {
  let writes = Promise.resolve();
  const write = (key: string, value: unknown) => {
    writes = writes
      .then(() => storage.set(key, value))
      .catch((error: unknown) => {
        logger.error('A chat transcript write failed', { error, key });
      });
  };
  return {
    /** Stores one message. */
    append(conversationId: string, message: ChatMessage) {
      write(`chat:${conversationId}:${String(message.seq).padStart(seqWidth, '0')}`, message);
    },
    /** Stores the conversation's facts (and when it ended, once it has). */
    meta(conversation: Conversation, endedAt?: number) {
      write(`chat:${conversation.id}`, {
        id: conversation.id,
        customer: conversation.customer,
        messages: conversation.messages.length,
        ...(endedAt === undefined ? {} : { endedAt }),
      });
    },
    /** Every stored message of a conversation, in seq order. */
    async read(conversationId: string): Promise<ChatMessage[]> {
      await writes;
      const keys = (await storage.keys(`chat:${conversationId}:`)).sort();
      const messages = await Promise.all(keys.map((key) => storage.get(key)));
      return messages as ChatMessage[];
    },
    /** Resolves once every write so far has landed. */
    flush: () => writes,
  };
}
