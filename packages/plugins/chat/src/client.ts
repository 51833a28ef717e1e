// @switchboard/plugin-chat/client: the customer's widget client. No core at runtime: only zod/mini.

export { createChatClient } from './client/createChatClient';
export type {
  ChatClient,
  ChatClientOptions,
  ChatClientSnapshot,
  ChatResumePoint,
} from './client/createChatClient';
export { fromWebSocketUrl } from './transport/webSocket';
export type {
  WebSocketConstructor,
  WebSocketDialerOptions,
  WebSocketLike,
} from './transport/webSocket';
export type { ChatErrorCode, ChatIssue, ChatProblem } from './protocol/codes';
export type {
  ChatAttachment,
  ChatAuthor,
  ChatMessage,
  ChatStatus,
  PendingChatMessage,
} from './protocol/message';
export type { ChatConnectionState, ChatTimers, ReconnectPolicy } from './shared/session';
export type { ChatDialer, ChatLink, Unsubscribe } from './transport/link';
