// @switchboard/plugin-chat: the centre-side gateway, the desk plugin and the transports.

export { chat, chatConfigSchema } from './desk/chatPlugin';
export type { ChatClosed, ChatMessageReceived, ChatOpened } from './desk/chatEvents';
export type { ChatDeskApi, ChatDeskSnapshot, DeskChat } from './desk/chatDeskTypes';
export { createChatGateway } from './gateway/createChatGateway';
export type { ChatGateway, ChatGatewayOptions } from './gateway/createChatGateway';
export { ChatError, isChatError } from './errors';
export { createInProcessChatTransport } from './transport/inProcess';
export type { InProcessChatTransport } from './transport/inProcess';
export * from './shared';
