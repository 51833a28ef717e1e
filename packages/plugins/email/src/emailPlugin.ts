import {
  createEventBus,
  definePlugin,
  type ActionSignature,
  type ContactStatus,
  type Unsubscribe,
  portSchema,
} from '@switchboard/core';
import * as z from 'zod/mini';
import type { EmailThread, EmailThreadSource } from './createEmailInbox';
import { EmailError, isEmailError } from './emailError';
import {
  emailAddressSchema,
  replyDraftSchema,
  type EmailMessage,
  type EmailTransport,
  type ReplyDraft,
} from './message';
import { parseEmailInput } from './parse';
import { composeReply, createMessageId } from './threading';

/** Validates the `email` plugin's configuration; see {@link EmailPluginConfig}. */
export const emailPluginConfigSchema = z.object({
  /** Where the threads live: the centre's {@link EmailInbox}, or a client of it. */
  threads: portSchema<EmailThreadSource>(
    ['threadOf', 'subscribe', 'recordSent'],
    'an email thread source (threadOf, subscribe, recordSent)',
  ),
  /** The outbound port replies are sent through. */
  transport: portSchema<EmailTransport>(['send'], 'an email transport with a send method'),
  /** The centre's mailbox replies come from. */
  from: emailAddressSchema,
  /** The domain of new Message-IDs; the `from` address's domain when absent. */
  messageIdDomain: z.optional(z.string().check(z.minLength(1))),
});
/** The `email` plugin's configuration, as a host writes it. */
export type EmailPluginConfig = z.input<typeof emailPluginConfigSchema>;

/** An error as the snapshot carries it: plain data. */
export interface EmailFailure {
  /** The error's code (`EMAIL_SEND_FAILED`, ...). */
  readonly code: string;
  /** What went wrong, in words. */
  readonly message: string;
}

/** One email contact at the agent's desk, as a UI shows it. */
export interface EmailConversation {
  /** The contact. */
  readonly contactId: string;
  /** The contact's status. */
  readonly status: ContactStatus;
  /** Its thread, when the thread source knows it. */
  readonly thread: EmailThread | null;
  /** Replies being sent right now. */
  readonly sending: number;
  /** The last failed reply, cleared by the next one sent. */
  readonly lastError: EmailFailure | null;
}

/** What the `email` plugin shows: the agent's email contacts with their threads. */
export interface EmailDeskSnapshot {
  /** The email contacts offered to or held by the agent, oldest first. */
  readonly conversations: readonly EmailConversation[];
}

/** The API of the `email` plugin, for the host's UI and other plugins. */
export interface EmailDeskApi {
  /** The current view; the same object until something changes. */
  getSnapshot(): EmailDeskSnapshot;
  /** Calls `listener` after every change; fits React's `useSyncExternalStore`. */
  subscribe(listener: () => void): Unsubscribe;
  /** The thread a contact carries, if known. */
  thread(contactId: string): EmailThread | undefined;
  /**
   * Replies on a contact the agent holds, through the `email.reply` action (hooks apply).
   *
   * @throws {@link EmailError} `EMAIL_NOT_HELD`, `EMAIL_NO_THREAD`, `EMAIL_INVALID` or
   * `EMAIL_SEND_FAILED`.
   */
  reply(contactId: string, draft: ReplyDraft): Promise<EmailMessage>;
}

/** Payload of the `email.reply` action. */
export type EmailReplyRequest = ReplyDraft & {
  /** The email contact to reply on. */
  readonly contactId: string;
};

/** Payload of `email.replySent`. */
export interface EmailReplySent {
  /** The contact replied on. */
  readonly contactId: string;
  /** The thread. */
  readonly threadId: string;
  /** The reply's Message-ID. */
  readonly messageId: string;
}

/** Payload of `email.replyFailed`. */
export interface EmailReplyFailed {
  /** The contact. */
  readonly contactId: string;
  /** Why it failed. */
  readonly error: EmailFailure;
}

declare module '@switchboard/core' {
  interface PluginApis {
    /** The email channel's desk API. */
    email: EmailDeskApi;
  }
  interface SwitchboardEvents {
    /** An agent's reply left through the transport. */
    'email.replySent': EmailReplySent;
    /** An agent's reply could not be sent. */
    'email.replyFailed': EmailReplyFailed;
  }
  interface SwitchboardActions {
    /** Sends a reply on an email contact. */
    'email.reply': ActionSignature<EmailReplyRequest, EmailMessage>;
  }
}

const replyRequestSchema = z.extend(replyDraftSchema, {
  contactId: z.string().check(z.minLength(1)),
});

const toFailure = (error: unknown): EmailFailure =>
  isEmailError(error)
    ? { code: error.code, message: error.message }
    : { code: 'EMAIL_SEND_FAILED', message: String(error) };

/**
 * The email channel at an agent's desk: shows the agent's email contacts with their threads (as
 * data) and sends replies through the configured transport with In-Reply-To, References and a
 * `Re:` subject. Needs `state:read` to see which contacts the agent holds.
 *
 * @example
 * ```ts
 * const desk = createDesk({
 *   agent,
 *   center,
 *   plugins: [{ plugin: emailChannel, config: { threads: inbox, transport, from: { address: 'support@example.com' } } }],
 * });
 * await desk.plugin('email').reply(contactId, { text: 'Your refund is on its way.' });
 * ```
 */
export const emailChannel = definePlugin({
  name: 'email',
  version: '0.0.0',
  config: emailPluginConfigSchema,
  permissions: ['state:read'],
  setup(ctx, config) {
    const { threads, transport, from } = config;
    const domain = config.messageIdDomain ?? from.address.slice(from.address.lastIndexOf('@') + 1);
    const sending = new Map<string, number>();
    const errors = new Map<string, EmailFailure>();
    const bus = createEventBus<{ changed: null }>((error) => {
      ctx.logger.error('An email desk subscriber threw', { error });
    });
    const desk = () => ctx.state.getSnapshot();
    let snapshot: EmailDeskSnapshot | undefined;

    function changed() {
      snapshot = undefined;
      bus.emit('changed', null);
    }

    function view(): EmailDeskSnapshot {
      const conversations = desk()
        .contacts.filter((contact) => contact.channel === 'email')
        .map((contact) => ({
          contactId: contact.id,
          status: contact.status,
          thread: threads.threadOf(contact.id) ?? null,
          sending: sending.get(contact.id) ?? 0,
          lastError: errors.get(contact.id) ?? null,
        }));
      return Object.freeze({ conversations });
    }

    function adjustSending(contactId: string, by: number) {
      const count = (sending.get(contactId) ?? 0) + by;
      if (count > 0) sending.set(contactId, count);
      else sending.delete(contactId);
      changed();
    }

    async function send(request: z.output<typeof replyRequestSchema>) {
      const { contactId, ...draft } = request;
      const contact = desk().contacts.find((held) => held.id === contactId);
      if (contact?.channel !== 'email' || contact.status === 'offered') {
        throw new EmailError('EMAIL_NOT_HELD', undefined, { details: { contactId } });
      }
      const thread = threads.threadOf(contactId);
      const outbound =
        thread &&
        composeReply(thread.messages, draft, {
          from,
          messageId: createMessageId(domain),
          date: ctx.clock.now(),
        });
      if (!thread || !outbound) {
        throw new EmailError('EMAIL_NO_THREAD', undefined, { details: { contactId } });
      }
      adjustSending(contactId, 1);
      try {
        await transport.send(outbound);
      } catch (cause) {
        const error = new EmailError('EMAIL_SEND_FAILED', undefined, {
          details: { contactId, messageId: outbound.messageId },
          cause,
        });
        errors.set(contactId, toFailure(error));
        ctx.events.emit('email.replyFailed', { contactId, error: toFailure(error) });
        throw error;
      } finally {
        adjustSending(contactId, -1);
      }
      const message: EmailMessage = {
        ...outbound,
        direction: 'outbound',
        replyTo: from,
        attachments: [],
        agentId: desk().agent.profile.id,
      };
      threads.recordSent(contactId, message);
      errors.delete(contactId);
      changed();
      ctx.events.emit('email.replySent', {
        contactId,
        threadId: thread.id,
        messageId: message.messageId,
      });
      return message;
    }

    ctx.actions.register({
      name: 'email.reply',
      schema: replyRequestSchema,
      sensitive: true,
      run: send,
    });
    ctx.state.subscribe(changed);
    const stopThreads = threads.subscribe(changed);

    const api: EmailDeskApi = {
      getSnapshot: () => (snapshot ??= view()),
      subscribe: (listener) =>
        bus.on('changed', () => {
          listener();
        }),
      thread: (contactId) => threads.threadOf(contactId),
      reply: async (contactId, draft) =>
        ctx.actions.invoke('email.reply', {
          ...parseEmailInput(replyDraftSchema, draft, 'reply draft'),
          contactId,
        }),
    };
    return { api, dispose: stopThreads };
  },
});
