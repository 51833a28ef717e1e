import {
  createMemoryStorage,
  silentLogger,
  systemClock,
  type Clock,
  type ContactCenter,
  type Logger,
  type Storage,
} from '@switchboard/core';
import * as z from 'zod/mini';
import { ChatError } from '../errors';
import type { ChatProblem } from '../protocol/codes';
import type { ServerFrame } from '../protocol/frames';
import type { chatDraftSchema, ChatMessage } from '../protocol/message';
import type { ChatLink, ChatServerTransport } from '../transport/link';
import { acceptLinks } from './acceptLinks';
import { openAgentSession } from './agentSession';
import { createAgentSessions } from './agentSessions';
import {
  chatHoldersOf,
  chatStatusOf,
  leaveCommand,
  chatFrame,
  type Conversation,
} from './conversation';
import { openCustomerSession, type CustomerHello, type Posted } from './customerSession';
import { refusal } from './problems';
import { createTranscript } from './transcript';
import { redactionFailedText } from '../protocol/message';

/** Options of {@link createChatGateway}. */
export interface ChatGatewayOptions {
  /** The contact centre chats open contacts in. */
  readonly center: ContactCenter;
  /** Where customers and agents connect: `fromWsServer(server)`, or an in-process transport's `server`. */
  readonly transport: ChatServerTransport;
  /** Where transcripts are kept (`chat:<id>` and `chat:<id>:<seq>`); in memory by default. */
  readonly storage?: Storage;
  /** Time source for message times and the resume window; the system clock by default. */
  readonly clock?: Clock;
  /** Where contained failures are reported. */
  readonly logger?: Logger;
  /** The queue a customer lands in when they name none; the centre's first queue by default. */
  readonly defaultQueueId?: string;
  /** The queues a customer may name; every queue of the centre by default. */
  readonly queues?: readonly string[];
  /** How long a customer who dropped may take to resume before they count as gone. Default 60 s. */
  readonly resumeWindowMs?: number;
  /** Frames longer than this many characters are refused. Default 65,536. */
  readonly maxFrameLength?: number;
  /** Decides whether an agent may open a session; by default any agent the centre knows. */
  readonly authorizeAgent?: (hello: {
    agentId: string;
    token?: string;
  }) => boolean | Promise<boolean>;
  /** Makes resume tokens; `crypto.randomUUID` by default. */
  readonly createToken?: () => string;
  /**
   * Redacts every message's text before it is stored or relayed: `createRedactor()` from
   * `@switchboard/core/privacy`, or the redaction plugin's `redactor`. None by default.
   */
  readonly redactor?: {
    /** The text with personal data masked. */
    redact(text: string): {
      /** The redacted text. */
      readonly text: string;
    };
  };
}

/** The centre's side of the chat channel. */
export interface ChatGateway {
  /** The transcript of a conversation (its contact id), from storage, in seq order. */
  transcript(conversationId: string): Promise<ChatMessage[]>;
  /** Posts a message from the system (an automated reply, a queue position) into a conversation. */
  post(conversationId: string, text: string): ChatMessage;
  /** How many conversations the gateway holds in memory. */
  size(): number;
  /** Resolves once every transcript write started so far has landed. */
  flush(): Promise<void>;
  /** Stops listening, closes every link and cancels its timers. */
  dispose(): void;
}

const optionsSchema = z.object({
  resumeWindowMs: z._default(z.number().check(z.minimum(0)), 60_000),
  maxFrameLength: z._default(z.int().check(z.positive()), 65_536),
});

/**
 * Creates the chat gateway: a customer connecting opens a chat contact in the centre; messages,
 * typing and read receipts are relayed between the customer and the agents holding the contact;
 * the transcript goes to storage; a customer who leaves (or stays away past the resume window)
 * abandons a waiting contact or ends a connected one.
 *
 * @example
 * ```ts
 * const transport = createInProcessChatTransport();
 * const gateway = createChatGateway({ center, transport: transport.server });
 * ```
 */
export function createChatGateway(options: ChatGatewayOptions): ChatGateway {
  const { center } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const settings = optionsSchema.parse({
    resumeWindowMs: options.resumeWindowMs,
    maxFrameLength: options.maxFrameLength,
  });
  const createToken = options.createToken ?? (() => globalThis.crypto.randomUUID());
  const queues = new Set(options.queues ?? [...center.queues.keys()]);
  const defaultQueueId = options.defaultQueueId ?? [...center.queues.keys()][0];
  const conversations = new Map<string, Conversation>();
  const transcript = createTranscript(options.storage ?? createMemoryStorage(), logger);
  const agents = createAgentSessions();
  const links = new Set<ChatLink>();
  const forgetTimers = new Set<unknown>();

  const toCustomer = (conversation: Conversation, frame: ServerFrame) => {
    const data = JSON.stringify(frame);
    for (const link of conversation.customers) link.send(data);
  };
  const toHolders = (conversation: Conversation, frame: ServerFrame) => {
    agents.send(conversation.holders, frame);
  };

  const redact = (text: string, contactId: string) => {
    if (!options.redactor || text === '') return text;
    try {
      return options.redactor.redact(text).text;
    } catch (error) {
      logger.error('The chat redactor threw', { error, contactId });
      return redactionFailedText;
    }
  };

  const append = (conversation: Conversation, message: Omit<ChatMessage, 'seq' | 'at'>) => {
    const stored: ChatMessage = {
      ...message,
      text: redact(message.text, conversation.id),
      seq: conversation.messages.length + 1,
      at: clock.now(),
    };
    conversation.messages.push(stored);
    transcript.append(conversation.id, stored);
    toCustomer(conversation, { type: 'message', message: stored });
    toHolders(conversation, { type: 'message', contactId: conversation.id, message: stored });
    return stored;
  };

  /** Brings a conversation in line with its contact: status, who has it open. */
  const sync = (conversation: Conversation) => {
    const contact = center.getSnapshot().contacts.get(conversation.id);
    if (contact?.status === 'accepted') {
      try {
        center.contactCommand(contact.id, { type: 'connect' });
      } catch (error) {
        logger.warn('Could not connect an accepted chat', { error, contactId: contact.id });
      }
      return; // the connect's own events sync again
    }
    const status = chatStatusOf(contact);
    const holders = chatHoldersOf(contact);
    const before = conversation.holders;
    conversation.holders = holders;
    if (status !== conversation.status) {
      conversation.status = status;
      toCustomer(conversation, { type: 'status', status });
      agents.send(before, { type: 'status', contactId: conversation.id, status });
      if (status === 'ended') transcript.meta(conversation, clock.now());
    }
    const added = [...holders].filter((agentId) => !before.has(agentId));
    const removed = [...before].filter((agentId) => !holders.has(agentId));
    if (added.length > 0) agents.send(added, chatFrame(conversation, 0));
    if (removed.length > 0) agents.send(removed, { type: 'closed', contactId: conversation.id });
    if (status === 'ended' && holders.size === 0 && !conversation.forgetting) {
      scheduleForget(conversation);
    }
  };

  const scheduleForget = (conversation: Conversation) => {
    conversation.forgetting = true;
    const handle = clock.setTimeout(() => {
      forgetTimers.delete(handle);
      if (conversation.customers.size === 0) conversations.delete(conversation.id);
      else scheduleForget(conversation);
    }, settings.resumeWindowMs);
    forgetTimers.add(handle);
  };

  const leave = (conversation: Conversation) => {
    const contact = center.getSnapshot().contacts.get(conversation.id);
    const command = leaveCommand(contact);
    if (!command) return;
    try {
      center.contactCommand(conversation.id, { type: command });
    } catch (error) {
      logger.warn('Could not end a chat the customer left', { error, contactId: conversation.id });
    }
    sync(conversation);
  };

  const detachCenter = center.events.onAny((name, payload) => {
    if (!name.startsWith('contact.')) return;
    const record = payload as { contactId?: string; contact?: { id: string } };
    const conversation = conversations.get(record.contactId ?? record.contact?.id ?? '');
    if (conversation) sync(conversation);
  });

  const customerSession = openCustomerSession({
    find: (id) => conversations.get(id),
    open(hello: CustomerHello, link) {
      const queueId = hello.queueId ?? defaultQueueId;
      if (queueId === undefined || !queues.has(queueId)) {
        return refusal('OPEN_FAILED', `Queue "${String(queueId)}" does not take chats.`);
      }
      try {
        const contact = center.openContact({
          channel: 'chat',
          queueId,
          customer: { ...hello.customer, attributes: {} },
          attributes: { chat: hello.attributes ?? {} },
        });
        const conversation: Conversation = {
          id: contact.id,
          token: createToken(),
          customer: hello.customer ?? {},
          messages: [],
          byClientId: new Map(),
          status: 'queued',
          customerReadUpTo: 0,
          agentReadUpTo: 0,
          holders: new Set(),
          customers: new Set([link]),
          leaveTimer: undefined,
          forgetting: false,
        };
        conversations.set(contact.id, conversation);
        transcript.meta(conversation);
        return conversation;
      } catch (error) {
        logger.warn('The centre refused a chat', { error });
        return refusal('OPEN_FAILED', error instanceof Error ? error.message : 'Refused.');
      }
    },
    welcomed(conversation) {
      clock.clearTimeout(conversation.leaveTimer);
      sync(conversation);
    },
    send(conversation, draft) {
      return post(conversation, 'customer', draft);
    },
    typing(conversation, typing) {
      toHolders(conversation, { type: 'typing', contactId: conversation.id, typing });
    },
    read(conversation, upTo) {
      const mark = Math.min(upTo, conversation.messages.length);
      if (mark <= conversation.customerReadUpTo) return;
      conversation.customerReadUpTo = mark;
      toHolders(conversation, { type: 'read', contactId: conversation.id, upTo: mark });
    },
    leave,
    gone(conversation) {
      if (conversation.customers.size > 0 || conversation.status === 'ended') return;
      clock.clearTimeout(conversation.leaveTimer);
      conversation.leaveTimer = clock.setTimeout(() => {
        if (conversation.customers.size === 0) leave(conversation);
      }, settings.resumeWindowMs);
    },
  });

  /** Adds a draft from `author`; a resend of a known `clientId` returns the stored message. */
  function post(
    conversation: Conversation,
    author: 'customer' | 'agent',
    draft: z.output<typeof chatDraftSchema>,
    agentId?: string,
  ): Posted | ChatProblem {
    const key = `${author}:${agentId ?? ''}:${draft.clientId}`;
    const known = conversation.byClientId.get(key);
    if (known) return { message: known, duplicate: true };
    if (conversation.status === 'ended')
      return refusal('CHAT_ENDED', 'The conversation has ended.');
    const message = append(conversation, {
      from: author,
      ...(agentId ? { agentId } : {}),
      clientId: draft.clientId,
      text: draft.text,
      attachments: draft.attachments,
    });
    conversation.byClientId.set(key, message);
    return { message, duplicate: false };
  }

  const agentSession = openAgentSession({
    authorize: (hello) =>
      options.authorizeAgent?.(hello) ?? center.getSnapshot().agents.has(hello.agentId),
    held: (agentId) => [...conversations.values()].filter((c) => c.holders.has(agentId)),
    find: (id) => conversations.get(id),
    agents,
    post: (conversation, draft, agentId) => post(conversation, 'agent', draft, agentId),
    toCustomer,
  });
  const stopListening = acceptLinks(options.transport, {
    maxFrameLength: settings.maxFrameLength,
    logger,
    links,
    customer: customerSession,
    agent: agentSession,
  });

  return {
    transcript: (conversationId) => transcript.read(conversationId),
    post(conversationId, text) {
      const conversation = conversations.get(conversationId);
      if (!conversation)
        throw new ChatError('UNKNOWN_CONVERSATION', `No conversation ${conversationId}.`);
      if (typeof text !== 'string' || text.length === 0 || text.length > 8_000) {
        throw new ChatError('INVALID_INPUT', 'A system message needs 1 to 8,000 characters.');
      }
      return append(conversation, { from: 'system', text, attachments: [] });
    },
    size: () => conversations.size,
    flush: () => transcript.flush(),
    dispose() {
      stopListening();
      detachCenter();
      for (const link of links) link.close();
      for (const conversation of conversations.values())
        clock.clearTimeout(conversation.leaveTimer);
      for (const handle of forgetTimers) clock.clearTimeout(handle);
    },
  };
}
