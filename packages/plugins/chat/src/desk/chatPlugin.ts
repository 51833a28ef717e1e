import { definePlugin, functionSchema } from '@switchboard/core';
import * as z from 'zod/mini';
import { ChatError } from '../errors';
import { toIssues } from '../protocol/codec';
import type { ChatProblem } from '../protocol/codes';
import { chatProtocolVersion, type ServerFrame } from '../protocol/frames';
import { chatSendSchema, type PendingChatMessage } from '../protocol/message';
import { openSession, type ChatConnectionState } from '../shared/session';
import { emptyThread, enqueue, lastSeq, receive, unreadCount, type Thread } from '../shared/thread';
import { createTypingExpiry, defaultTypingTimeoutMs } from '../shared/typingExpiry';
import type { ChatMessage } from '../protocol/message';
import { createTextRedaction } from './transcriptRedaction';
import { createListeners, type ChatDialer } from '../transport/link';
import type { ChatDeskApi, ChatDeskSnapshot, DeskChat } from './chatDeskTypes';
import './chatEvents';

/** Validates the chat plugin's configuration. */
export const chatConfigSchema = z.object({
  /** Opens a link to the gateway: `fromWebSocketUrl(url)`, or an in-process transport's `dial`. */
  connect: functionSchema<ChatDialer>('a function that opens a link to the chat gateway'),
  /** A credential for the gateway's `authorizeAgent`. */
  token: z.optional(z.string()),
  /** Reconnect delays: doubling from `minDelayMs` (250) up to `maxDelayMs` (10,000). */
  reconnect: z._default(
    z.object({
      /** The wait before the second attempt (the first is immediate). */
      minDelayMs: z.optional(z.number().check(z.positive())),
      /** The longest wait. */
      maxDelayMs: z.optional(z.number().check(z.positive())),
    }),
    {},
  ),
  /**
   * The plugin whose `redactMessage` redacts every message before the desk keeps, shows, emits
   * or sends it (`redaction` by default: the redaction plugin, when it is loaded); `null` never.
   */
  redactWith: z._default(z.nullable(z.string().check(z.minLength(1))), 'redaction'),
  /** How long the customer's typing indicator lasts unless renewed; 10 s by default, `null` forever. */
  typingTimeoutMs: z._default(z.nullable(z.number().check(z.positive())), defaultTypingTimeoutMs),
  /** Makes message client ids; `crypto.randomUUID` by default. */
  createId: z.optional(functionSchema<() => string>()),
});

interface ChatState {
  contactId: string;
  customer: DeskChat['customer'];
  status: DeskChat['status'];
  thread: Thread;
  customerTyping: boolean;
  customerReadUpTo: number;
  readUpTo: number;
}

/**
 * The chat channel's desk side: connects the agent's desk to the chat gateway and keeps the
 * agent's open chats as data (messages, typing, read marks), several at once within the agent's
 * chat capacity. Reconnects by itself and resumes each chat from its last message.
 *
 * @example
 * ```ts
 * const desk = createDesk({
 *   agent: { id: 'ada', name: 'Ada' },
 *   plugins: [{ plugin: chat, config: { connect: fromWebSocketUrl('wss://example.com/chat') } }],
 * });
 * const api = desk.plugin('chat');
 * api.subscribe(() => render(api.getSnapshot().chats));
 * ```
 */
export const chat = definePlugin({
  name: 'chat',
  version: '0.1.0',
  config: chatConfigSchema,
  permissions: ['state:read'],
  setup(ctx, config) {
    const desk = () => ctx.state.getSnapshot();
    const agentId = desk().agent.profile.id;
    const createId = config.createId ?? (() => globalThis.crypto.randomUUID());
    const listeners = createListeners<[]>((error) => {
      ctx.logger.error('A chat subscriber threw', { error });
    });
    const chats = new Map<string, ChatState>();
    let connection: ChatConnectionState = 'connecting';
    let error: ChatProblem | null = null;
    let snapshot: ChatDeskSnapshot = build();
    const redactText = createTextRedaction(
      (name) => ctx.plugins.optional(name),
      config.redactWith,
      ctx.logger,
    );
    const redacted = (contactId: string, message: ChatMessage): ChatMessage => {
      const text = redactText(contactId, message.text);
      return text === message.text ? message : { ...message, text };
    };
    const typing = createTypingExpiry<string>(ctx.clock, config.typingTimeoutMs, (contactId) => {
      const state = chats.get(contactId);
      if (!state?.customerTyping) return;
      state.customerTyping = false;
      changed();
    });

    function build(): ChatDeskSnapshot {
      const load = desk().load.chat;
      return Object.freeze({
        connection,
        chats: [...chats.values()].map((state): DeskChat =>
          Object.freeze({
            contactId: state.contactId,
            customer: state.customer,
            status: state.status,
            messages: state.thread.messages,
            pending: state.thread.pending,
            customerTyping: state.customerTyping,
            customerReadUpTo: state.customerReadUpTo,
            readUpTo: state.readUpTo,
            unread: unreadCount(state.thread, state.readUpTo, 'agent'),
          }),
        ),
        capacity: { used: load.used, capacity: load.capacity },
        error,
      });
    }
    const changed = () => {
      snapshot = build();
      listeners.emit();
    };
    const stopState = ctx.state.subscribe(() => {
      const load = desk().load.chat;
      if (load.used !== snapshot.capacity.used || load.capacity !== snapshot.capacity.capacity) {
        changed();
      }
    });

    const session = openSession(config.connect, ctx.clock, config.reconnect, {
      hello: () => ({
        type: 'hello',
        v: chatProtocolVersion,
        role: 'agent',
        agentId,
        ...(config.token === undefined ? {} : { token: config.token }),
        resume: Object.fromEntries(
          [...chats.values()].map((state) => [state.contactId, lastSeq(state.thread)]),
        ),
      }),
      frame(frame) {
        try {
          handle(frame);
        } catch (failure) {
          ctx.logger.error('The chat plugin failed on a frame', { error: failure });
        }
        changed();
      },
      problem(problem) {
        error = {
          code: problem.code,
          message: problem.message,
          ...(problem.issues ? { issues: problem.issues } : {}),
        };
        changed();
      },
      state(next) {
        connection = next;
        changed();
      },
    });

    function handle(frame: ServerFrame) {
      const state =
        'contactId' in frame && frame.contactId ? chats.get(frame.contactId) : undefined;
      switch (frame.type) {
        case 'welcome': {
          const held = new Set(frame.contactIds ?? []);
          for (const id of [...chats.keys()]) if (!held.has(id)) close(id);
          for (const held of chats.values()) {
            for (const entry of held.thread.pending) {
              session.send({ type: 'send', contactId: held.contactId, ...entry });
            }
            if (held.readUpTo > 0)
              session.send({ type: 'read', contactId: held.contactId, upTo: held.readUpTo });
          }
          return;
        }
        case 'chat': {
          const opened = state ?? {
            contactId: frame.contactId,
            customer: frame.customer,
            status: frame.status,
            thread: emptyThread,
            customerTyping: false,
            customerReadUpTo: 0,
            readUpTo: 0,
          };
          opened.status = frame.status;
          opened.customerReadUpTo = Math.max(opened.customerReadUpTo, frame.customerReadUpTo);
          opened.readUpTo = Math.max(opened.readUpTo, frame.agentReadUpTo);
          for (const message of frame.messages)
            opened.thread = receive(opened.thread, redacted(frame.contactId, message), 'agent');
          if (!state) {
            chats.set(frame.contactId, opened);
            ctx.events.emit('chat.opened', { contactId: frame.contactId });
          }
          return;
        }
        case 'message': {
          if (!state) return;
          const before = state.thread;
          const message = redacted(state.contactId, frame.message);
          state.thread = receive(state.thread, message, 'agent');
          if (state.thread !== before && message.from !== 'agent') {
            state.customerTyping = false;
            typing.set(state.contactId, false);
            ctx.events.emit('chat.messageReceived', { contactId: state.contactId, message });
          }
          return;
        }
        case 'typing':
          if (!state) return;
          state.customerTyping = frame.typing;
          typing.set(state.contactId, frame.typing);
          return;
        case 'read':
          if (state) state.customerReadUpTo = Math.max(state.customerReadUpTo, frame.upTo);
          return;
        case 'status':
          if (state) state.status = frame.status;
          return;
        case 'closed':
          close(frame.contactId);
          return;
        case 'error':
          return;
      }
    }

    function close(contactId: string) {
      if (!chats.delete(contactId)) return;
      typing.set(contactId, false);
      ctx.events.emit('chat.closed', { contactId });
    }

    const held = (contactId: string) => {
      const state = chats.get(contactId);
      if (!state)
        throw new ChatError('NOT_YOUR_CHAT', `No open chat ${contactId} on this desk.`, {
          details: { contactId },
        });
      return state;
    };

    const api: ChatDeskApi = {
      getSnapshot: () => snapshot,
      subscribe: listeners.add,
      send(contactId, text, options = {}) {
        const state = held(contactId);
        const parsed = chatSendSchema.safeParse({ text, attachments: options.attachments ?? [] });
        if (!parsed.success) {
          throw new ChatError('INVALID_INPUT', 'The message is malformed.', {
            issues: toIssues(parsed.error.issues),
          });
        }
        if (state.status === 'ended')
          throw new ChatError('CHAT_ENDED', `Chat ${contactId} has ended.`);
        const entry: PendingChatMessage = {
          clientId: createId(),
          ...parsed.data,
          text: redactText(contactId, parsed.data.text),
        };
        state.thread = enqueue(state.thread, entry);
        changed();
        session.send({ type: 'send', contactId, ...entry });
        return entry;
      },
      setTyping(contactId, typing) {
        held(contactId);
        session.send({ type: 'typing', contactId, typing });
      },
      markRead(contactId, upTo) {
        const state = held(contactId);
        const mark = Math.min(upTo ?? lastSeq(state.thread), lastSeq(state.thread));
        if (mark <= state.readUpTo) return;
        state.readUpTo = mark;
        changed();
        session.send({ type: 'read', contactId, upTo: mark });
      },
    };
    return {
      api,
      dispose() {
        typing.clear();
        stopState();
        session.close();
        listeners.clear();
      },
    };
  },
});
