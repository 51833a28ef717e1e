// The public API of `@switchboard/plugin-sms-social`: runs in browsers and Node (WebCrypto).
// The node:http adapter for the webhook is `@switchboard/plugin-sms-social/node`.
export { createConversationInbox } from './createConversationInbox';
export type {
  ChannelQueues,
  Conversation,
  ConversationInbox,
  ConversationInboxSnapshot,
  ConversationInboxOptions,
  ConversationOutcome,
  ConversationReceipt,
  ConversationSource,
} from './createConversationInbox';
export { createWebhookHandler } from './createWebhookHandler';
export type {
  WebhookHandler,
  WebhookHandlerOptions,
  WebhookRequest,
  WebhookResponse,
} from './createWebhookHandler';
export { inboundMessageSchema, mediaItemSchema, messageDraftSchema } from './message';
export type {
  ConversationMessage,
  InboundMessage,
  InboundMessageInput,
  MediaItem,
  MessageDraft,
  MessageSender,
  OutboundMessage,
  SendResult,
} from './message';
export {
  isMessagingError,
  MessagingError,
  messagingErrorCodes,
  webhookStatus,
} from './messagingError';
export type { MessagingErrorCode } from './messagingError';
export { constantTimeEqual, signWebhook, webhookHeaders } from './signature';
export type { WebhookDelivery } from './signature';
export { smsSocialChannel, smsSocialPluginConfigSchema } from './smsSocialPlugin';
export type {
  MessagingThread,
  SmsSocialApi,
  SmsSocialPluginConfig,
  SmsSocialReplyOutcome,
  SmsSocialReplyRequest,
  SmsSocialSnapshot,
} from './smsSocialPlugin';
