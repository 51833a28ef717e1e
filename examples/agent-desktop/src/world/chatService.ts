import type { Clock, ContactCenter } from '@switchboard/core';
import {
  createChatGateway,
  createInProcessChatTransport,
  type ChatDialer,
  type ChatGateway,
} from '@switchboard/plugin-chat';

/** The chat channel of the embedded centre: its gateway, and how desks and customers reach it. */
export interface ChatService {
  /** Opens a link to the gateway: what the desk's chat plugin and the customers' widgets dial. */
  readonly dial: ChatDialer;
  /** The centre's side: a customer connecting opens a chat contact in the `chat` queue. */
  readonly gateway: ChatGateway;
}

/**
 * The chat plugin's gateway on an in-process transport: the same protocol a WebSocket carries,
 * delivered between objects of the page, so the embedded desktop needs no server.
 */
export function createChatService(center: ContactCenter, clock: Clock): ChatService {
  const transport = createInProcessChatTransport();
  const gateway = createChatGateway({
    center,
    clock,
    transport: transport.server,
    queues: ['chat'],
    defaultQueueId: 'chat',
  });
  return { dial: transport.dial, gateway };
}
