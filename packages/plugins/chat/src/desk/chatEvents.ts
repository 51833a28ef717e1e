import type { ChatMessage } from '../protocol/message';
import type { ChatDeskApi } from './chatDeskTypes';

/** A chat opened on the desk: the agent took it, or it came back after a reconnect. */
export interface ChatOpened {
  /** The chat's contact. */
  readonly contactId: string;
}
/** A chat left the desk: completed, or transferred away. */
export interface ChatClosed {
  /** The chat's contact. */
  readonly contactId: string;
}
/** A message from the customer (or the system) reached the desk. */
export interface ChatMessageReceived {
  /** The chat's contact. */
  readonly contactId: string;
  /** The message. */
  readonly message: ChatMessage;
}

declare module '@switchboard/core' {
  interface PluginApis {
    /** The chat channel's desk side: the agent's open chats as data, and sending. */
    chat: ChatDeskApi;
  }
  interface SwitchboardEvents {
    /** A chat opened on the desk. */
    'chat.opened': ChatOpened;
    /** A chat left the desk. */
    'chat.closed': ChatClosed;
    /** A customer or system message reached the desk. */
    'chat.messageReceived': ChatMessageReceived;
  }
}
