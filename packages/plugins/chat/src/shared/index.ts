// What the main entry and the client entry both export: protocol, links, the WebSocket dialer.

export { chatErrorCodes } from '../protocol/codes';
export type { ChatErrorCode, ChatIssue, ChatProblem } from '../protocol/codes';
export {
  agentFrameSchema,
  agentHelloSchema,
  chatProtocolVersion,
  customerFrameSchema,
  customerHelloSchema,
  helloSchema,
  serverFrameSchema,
} from '../protocol/frames';
export type { AgentFrame, ChatHello, CustomerFrame, ServerFrame } from '../protocol/frames';
export {
  chatAttachmentSchema,
  chatAuthors,
  chatDraftSchema,
  chatMessageSchema,
  chatSendSchema,
  chatStatuses,
} from '../protocol/message';
export type {
  ChatAttachment,
  ChatAuthor,
  ChatMessage,
  ChatStatus,
  PendingChatMessage,
} from '../protocol/message';
export type { ChatConnectionState, ChatTimers, ReconnectPolicy } from './session';
export type { ChatDialer, ChatLink, ChatServerTransport, Unsubscribe } from '../transport/link';
export { fromWebSocketUrl } from '../transport/webSocket';
export type {
  WebSocketConstructor,
  WebSocketDialerOptions,
  WebSocketLike,
} from '../transport/webSocket';
