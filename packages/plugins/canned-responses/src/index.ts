// The public API of @switchboard/plugin-canned-responses. Named exports only.
export { cannedResponses, cannedResponsesConfigSchema } from './cannedResponses';
export type { CannedResponsesConfig } from './cannedResponses';
export type { CannedResponseSent, CannedResponsesApi, RenderedReply } from './cannedResponsesTypes';
export {
  cannedResponseSchema,
  macroSchema,
  replyChannelSchema,
  replyChannels,
} from './responseSchema';
export type { CannedResponse, Macro, ReplyChannel, ReplyItem } from './responseSchema';
export { fillTemplate, templateVariables } from './fillTemplate';
export type { FilledTemplate } from './fillTemplate';
export { replyVariables } from './replyVariables';
export type { ReplyVariableSources } from './replyVariables';
export { normalise, searchReplies } from './searchReplies';
export { createReplyCatalogue } from './replyCatalogue';
export type { ReplyCatalogue, ReplyTemplate } from './replyCatalogue';
export { isReplySender } from './replySender';
export type { OutboundReply, ReplySender } from './replySender';
export { autoReplySettingsSchema, createAutoReplies } from './autoReplies';
export type { AutoReplies, AutoRepliesOptions, AutoReplyState } from './autoReplies';
export { describeWait, estimateWait, handleTimeFromKpis, staffedAgents } from './waitEstimate';
export type { HandleTimeSource, WaitEstimate } from './waitEstimate';
