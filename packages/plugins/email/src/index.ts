// The public API of `@switchboard/plugin-email`: browser-safe (no nodemailer, no mailparser).
// The Node adapters (SMTP transport, MIME parser) are `@switchboard/plugin-email/node`.
export { createEmailInbox } from './createEmailInbox';
export type {
  EmailInbox,
  EmailInboxOptions,
  EmailInboxSnapshot,
  EmailThread,
  EmailThreadSource,
  ReceiveOutcome,
  ReceiveResult,
} from './createEmailInbox';
export { emailChannel, emailPluginConfigSchema } from './emailPlugin';
export type {
  EmailConversation,
  EmailDeskApi,
  EmailDeskSnapshot,
  EmailFailure,
  EmailPluginConfig,
  EmailReplyFailed,
  EmailReplyRequest,
  EmailReplySent,
} from './emailPlugin';
export { EmailError, emailErrorCodes, isEmailError } from './emailError';
export type { EmailErrorCode } from './emailError';
export {
  emailAddressSchema,
  emailAttachmentSchema,
  inboundEmailSchema,
  replyDraftSchema,
} from './message';
export type {
  EmailAddress,
  EmailAttachment,
  EmailMessage,
  EmailTransport,
  InboundEmailInput,
  OutboundEmail,
  ReplyDraft,
  SendReceipt,
} from './message';
export {
  composeReply,
  createMessageId,
  parentIds,
  replyReferences,
  replySubject,
} from './threading';
export type { ReplyEnvelope } from './threading';
