// `@switchboard/plugin-email/node`: Node adapters for the email channel. Node only: it loads
// nodemailer and mailparser (optional peer dependencies; install them with this entry).
export { parseEmail } from './node/parseEmail';
export { createSmtpTransport, smtpTransportOptionsSchema } from './node/smtpTransport';
export type { SmtpTransport, SmtpTransportOptions } from './node/smtpTransport';
export { EmailError, emailErrorCodes, isEmailError } from './emailError';
export type { EmailErrorCode } from './emailError';
