/**
 * Every error code of the chat channel, with its meaning. The gateway sends them in `error`
 * frames, the client and the desk plugin surface them as data, and `ChatError` (main entry)
 * throws them. Codes are never reused or renamed; `docs/plugins/chat.md` lists them (a test keeps
 * the two in sync).
 */
export const chatErrorCodes = {
  /** A frame that is not JSON or does not match its schema; it changed nothing. */
  MALFORMED_FRAME: 'The frame is not JSON or does not match the protocol schema.',
  /** A frame larger than the gateway accepts. */
  FRAME_TOO_LARGE: 'The frame is larger than the gateway accepts.',
  /** The peer speaks a protocol version the gateway does not. */
  VERSION_UNSUPPORTED: 'The protocol version is not supported.',
  /** A frame other than `hello` arrived before the session was opened. */
  HELLO_REQUIRED: 'The first frame on a connection must be `hello`.',
  /** A resume named an unknown or expired conversation, or the wrong token. */
  UNKNOWN_CONVERSATION: 'No conversation with that id and token.',
  /** The agent is not known to the centre, or the host refused them. */
  UNAUTHORIZED: 'The agent was not authorised to open a chat session.',
  /** The agent does not hold that chat (never had it, or it moved on). */
  NOT_YOUR_CHAT: 'The agent does not hold that chat.',
  /** The conversation has ended; nothing more can be sent in it. */
  CHAT_ENDED: 'The conversation has ended.',
  /** The centre refused to open the chat contact (unknown queue, closed centre). */
  OPEN_FAILED: 'The centre could not open a chat contact.',
  /** A local call with bad arguments (empty text, malformed attachment). */
  INVALID_INPUT: 'The arguments did not match their schema.',
  /** The connection to the gateway could not be opened, or was lost. */
  TRANSPORT_FAILED: 'The connection to the chat gateway failed.',
  /** Used after close() or dispose(). */
  DISPOSED: 'The chat client or gateway was closed.',
} as const;

/** A stable chat error code; see {@link chatErrorCodes}. */
export type ChatErrorCode = keyof typeof chatErrorCodes;

/** An error as data: what an `error` frame carries and what the client and desk snapshots show. */
export interface ChatProblem {
  /** The stable code. */
  readonly code: ChatErrorCode;
  /** For people. */
  readonly message: string;
  /** Validation issues, when a schema failed. */
  readonly issues?: readonly ChatIssue[];
}

/** One validation problem: where and what. */
export interface ChatIssue {
  /** Where in the frame or input. */
  readonly path: readonly (string | number)[];
  /** What is wrong. */
  readonly message: string;
}
