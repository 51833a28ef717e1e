import * as z from 'zod/mini';
import { chatErrorCodes } from './codes';
import { chatDraftSchema, chatMessageSchema, chatStatuses } from './message';

/** The chat protocol version this build speaks; `hello` and `welcome` carry it. */
export const chatProtocolVersion = 1;

const id = z.string().check(z.minLength(1), z.maxLength(200));
const seq = z.int().check(z.minimum(0));
const version = z.int().check(z.positive());

/** Validates the customer's `hello`: a new conversation, or a resume of one. */
export const customerHelloSchema = z.object({
  /** Opens a session. */
  type: z.literal('hello'),
  /** The protocol version the peer speaks. */
  v: version,
  /** A customer's widget. */
  role: z.literal('customer'),
  /** Present to resume a conversation after a reconnect or a page reload. */
  resume: z.optional(
    z.object({
      /** The conversation (its contact id). */
      conversationId: id,
      /** The secret the gateway gave in `welcome`. */
      token: id,
      /** The last message seq the client holds; the gateway replays what follows. */
      lastSeq: seq,
    }),
  ),
  /** The queue asked for (the gateway's host decides whether to honour it). */
  queueId: z.optional(id),
  /** What the customer told about themselves. */
  customer: z.optional(
    z.object({
      /** Display name. */
      name: z.optional(z.string().check(z.maxLength(200))),
      /** Email address. */
      email: z.optional(z.string().check(z.maxLength(320))),
      /** Phone number. */
      phone: z.optional(z.string().check(z.maxLength(40))),
    }),
  ),
  /** Facts from the page (topic, URL, language): untrusted, stored under `attributes.chat`. */
  attributes: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
});

/** Validates the agent's `hello`. */
export const agentHelloSchema = z.object({
  /** Opens a session. */
  type: z.literal('hello'),
  /** The protocol version the peer speaks. */
  v: version,
  /** An agent's desk. */
  role: z.literal('agent'),
  /** The agent. */
  agentId: id,
  /** A credential the host's `authorizeAgent` checks; the gateway keeps nothing of it. */
  token: z.optional(z.string().check(z.maxLength(4_000))),
  /** The last seq held per contact id; the gateway replays what follows for chats still held. */
  resume: z._default(z.record(z.string(), seq), {}),
});

/** Validates any `hello`. */
export const helloSchema = z.discriminatedUnion('role', [customerHelloSchema, agentHelloSchema]);
/** The first frame a peer sends on a connection. */
export type ChatHello = z.input<typeof helloSchema>;

const send = z.extend(chatDraftSchema, {
  /** Sends a message. */
  type: z.literal('send'),
});
const typing = z.object({
  /** Tells the other side whether this side is typing. */
  type: z.literal('typing'),
  /** Typing or stopped. */
  typing: z.boolean(),
});
const read = z.object({
  /** Tells the other side it read their messages up to a seq. */
  type: z.literal('read'),
  /** The seq read up to (included). */
  upTo: seq,
});

/** Validates what a customer sends after `hello`. */
export const customerFrameSchema = z.discriminatedUnion('type', [
  send,
  typing,
  read,
  z.object({
    /** The customer leaves: a waiting contact is abandoned, a connected one ends. */
    type: z.literal('leave'),
  }),
]);
/** A frame from the customer's widget. */
export type CustomerFrame = z.input<typeof customerFrameSchema>;

const onContact = {
  /** The chat (its contact id) the frame is about. */
  contactId: id,
};
/** Validates what an agent's desk sends after `hello`: the same frames, naming the chat. */
export const agentFrameSchema = z.discriminatedUnion('type', [
  z.extend(send, onContact),
  z.extend(typing, onContact),
  z.extend(read, onContact),
]);
/** A frame from an agent's desk. */
export type AgentFrame = z.input<typeof agentFrameSchema>;

const status = z.enum(chatStatuses);
const contact = {
  /** The chat this frame is about (agent sessions only). */
  contactId: z.optional(id),
};

/** Validates what the gateway sends to either side. */
export const serverFrameSchema = z.discriminatedUnion('type', [
  z.object({
    /** The session is open. */
    type: z.literal('welcome'),
    /** The protocol version the gateway speaks. */
    v: version,
    /** The conversation (customer sessions). */
    conversationId: z.optional(id),
    /** The secret to resume it with (customer sessions). */
    token: z.optional(id),
    /** Where the conversation stands (customer sessions). */
    status: z.optional(status),
    /** Whether a resume found the conversation (customer sessions). */
    resumed: z.optional(z.boolean()),
    /** The agent's read mark (customer sessions). */
    agentReadUpTo: z.optional(seq),
    /** The chats the agent holds now (agent sessions); `chat` frames follow for each. */
    contactIds: z.optional(z.array(id)),
  }),
  z.object({
    /** A chat the agent holds: its state and the messages after the agent's resume seq. */
    type: z.literal('chat'),
    /** The chat's contact. */
    contactId: id,
    /** Who the customer said they are. */
    customer: z.object({
      /** Display name. */
      name: z.optional(z.string()),
      /** Email address. */
      email: z.optional(z.string()),
      /** Phone number. */
      phone: z.optional(z.string()),
    }),
    /** Where it stands. */
    status,
    /** The customer's read mark on the agent's messages. */
    customerReadUpTo: seq,
    /** The agents' read mark on the customer's messages. */
    agentReadUpTo: seq,
    /** Messages after the resume seq, in order. */
    messages: z.array(chatMessageSchema),
  }),
  z.object({
    /** A new message (or one replayed after a resume, or the echo of one sent). */
    type: z.literal('message'),
    ...contact,
    /** The message. */
    message: chatMessageSchema,
  }),
  z.object({
    /** The other side started or stopped typing. */
    type: z.literal('typing'),
    ...contact,
    /** Typing or stopped. */
    typing: z.boolean(),
  }),
  z.object({
    /** The other side read this side's messages up to a seq. */
    type: z.literal('read'),
    ...contact,
    /** The seq read up to (included). */
    upTo: seq,
  }),
  z.object({
    /** The conversation moved on: an agent joined, or it ended. */
    type: z.literal('status'),
    ...contact,
    /** Where it stands now. */
    status,
  }),
  z.object({
    /** The agent no longer holds the chat (completed, transferred away). */
    type: z.literal('closed'),
    /** The chat's contact. */
    contactId: id,
  }),
  z.object({
    /** The gateway refused a frame; nothing changed. */
    type: z.literal('error'),
    /** The stable code. */
    code: z.enum(Object.keys(chatErrorCodes) as [keyof typeof chatErrorCodes]),
    /** For people. */
    message: z.string(),
    /** Validation issues. */
    issues: z.optional(
      z.array(
        z.object({
          /** Where. */
          path: z.array(z.union([z.string(), z.number()])),
          /** What. */
          message: z.string(),
        }),
      ),
    ),
    /** The contact a refused agent frame named. */
    contactId: z.optional(id),
  }),
]);
/** A frame from the gateway. */
export type ServerFrame = z.infer<typeof serverFrameSchema>;
