// @switchboard/plugin-chat/client: the customer's widget client. No core at runtime: only zod/mini.

export { createChatClient } from './client/createChatClient';
export type {
  ChatClient,
  ChatClientOptions,
  ChatClientSnapshot,
  ChatResumePoint,
} from './client/createChatClient';
export * from './shared';
