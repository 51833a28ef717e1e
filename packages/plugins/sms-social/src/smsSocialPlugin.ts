import {
  createEventBus,
  definePlugin,
  type ActionSignature,
  type Contact,
  type Unsubscribe,
  portSchema,
} from '@switchboard/core';
import * as z from 'zod/mini';
import type { Conversation, ConversationSource } from './createConversationInbox';
import {
  messageDraftSchema,
  type ConversationMessage,
  type MessageDraft,
  type MessageSender,
} from './message';
import { isMessagingError, MessagingError } from './messagingError';
import { parseMessagingInput } from './parse';

/** Validates the `sms-social` plugin's configuration; see {@link SmsSocialPluginConfig}. */
export const smsSocialPluginConfigSchema = z.object({
  /** Where conversations live: the centre's {@link ConversationInbox}, or a client of it. */
  conversations: portSchema<ConversationSource>(
    ['conversationOf', 'subscribe', 'recordSent'],
    'a conversation source (conversationOf, subscribe, recordSent)',
  ),
  /** The outbound port replies go through. */
  sender: portSchema<MessageSender>(['send'], 'a message sender with a send method'),
});
/** The `sms-social` plugin's configuration. */
export type SmsSocialPluginConfig = z.input<typeof smsSocialPluginConfigSchema>;

/** One sms or social contact at the desk, as a UI shows it. */
export interface MessagingThread {
  /** The contact. */
  readonly contactId: string;
  /** `sms` or `social`. */
  readonly channel: 'sms' | 'social';
  /** The contact's status. */
  readonly status: Contact['status'];
  /** The conversation, when the source knows it. */
  readonly conversation: Conversation | null;
  /** Replies on their way. */
  readonly sending: number;
  /** The code of the last failed reply, cleared by the next success. */
  readonly lastError: string | null;
}

/** What the `sms-social` plugin shows. */
export interface SmsSocialSnapshot {
  /** The agent's sms and social contacts, oldest first. */
  readonly threads: readonly MessagingThread[];
}

/** The API of the `sms-social` plugin, for the host's UI and other plugins. */
export interface SmsSocialApi {
  /** The agent's sms and social contacts with their conversations; same object until a change. */
  getSnapshot(): SmsSocialSnapshot;
  /** Calls `listener` after every change. */
  subscribe(listener: () => void): Unsubscribe;
  /** The conversation a contact carries, if known. */
  conversation(contactId: string): Conversation | undefined;
  /**
   * Sends a reply on a contact the agent holds, through the `sms-social.reply` action.
   *
   * @throws {@link MessagingError} `MESSAGING_NOT_HELD`, `MESSAGING_NO_CONVERSATION`,
   * `MESSAGING_INVALID` or `MESSAGING_SEND_FAILED`.
   */
  reply(contactId: string, draft: MessageDraft): Promise<ConversationMessage>;
}

/** Payload of the `sms-social.reply` action. */
export type SmsSocialReplyRequest = MessageDraft & {
  /** The contact to reply on. */
  readonly contactId: string;
};

/** Payload of `sms-social.replySent` and `sms-social.replyFailed`. */
export interface SmsSocialReplyOutcome {
  /** The contact. */
  readonly contactId: string;
  /** The conversation. */
  readonly conversationId: string;
  /** The provider's id of the reply (sent), or the error code (failed). */
  readonly result: string;
}

declare module '@switchboard/core' {
  interface PluginApis {
    /** The SMS and social channel's desk API. */
    'sms-social': SmsSocialApi;
  }
  interface SwitchboardEvents {
    /** A reply left through the sender. */
    'sms-social.replySent': SmsSocialReplyOutcome;
    /** A reply could not be sent. */
    'sms-social.replyFailed': SmsSocialReplyOutcome;
  }
  interface SwitchboardActions {
    /** Sends a reply on an sms or social contact. */
    'sms-social.reply': ActionSignature<SmsSocialReplyRequest, ConversationMessage>;
  }
}

const replySchema = z.extend(messageDraftSchema, { contactId: z.string().check(z.minLength(1)) });
const isMessaging = (contact: Contact): contact is Contact & { channel: 'sms' | 'social' } =>
  contact.channel === 'sms' || contact.channel === 'social';

/**
 * The SMS and social channel at an agent's desk: the agent's sms and social contacts with their
 * conversations (data for any UI), and replies through the configured {@link MessageSender}.
 *
 * @example
 * ```ts
 * createDesk({ agent, center, plugins: [{ plugin: smsSocialChannel, config: { conversations: inbox, sender } }] });
 * ```
 */
export const smsSocialChannel = definePlugin({
  name: 'sms-social',
  version: '0.0.0',
  config: smsSocialPluginConfigSchema,
  permissions: ['state:read'],
  setup(ctx, { conversations, sender }) {
    const inFlight = new Map<string, number>();
    const failures = new Map<string, string>();
    const bus = createEventBus<{ changed: null }>((error) => {
      ctx.logger.error('An sms-social subscriber threw', { error });
    });
    const deskState = () => ctx.state.getSnapshot();
    let cached: SmsSocialSnapshot | undefined;

    const notify = () => {
      cached = undefined;
      bus.emit('changed', null);
    };
    const count = (contactId: string, delta: number) => {
      inFlight.set(contactId, (inFlight.get(contactId) ?? 0) + delta);
      if (inFlight.get(contactId) === 0) inFlight.delete(contactId);
      notify();
    };

    ctx.actions.register({
      name: 'sms-social.reply',
      schema: replySchema,
      sensitive: true,
      async run({ contactId, text, media = [] }) {
        const state = deskState();
        const contact = state.contacts.find((held) => held.id === contactId);
        if (!contact || !isMessaging(contact) || contact.status === 'offered') {
          throw new MessagingError('MESSAGING_NOT_HELD', undefined, { details: { contactId } });
        }
        const conversation = conversations.conversationOf(contactId);
        if (!conversation) {
          throw new MessagingError('MESSAGING_NO_CONVERSATION', undefined, {
            details: { contactId },
          });
        }
        const outcome = { contactId, conversationId: conversation.id };
        count(contactId, 1);
        let id: string;
        try {
          ({ id } = await sender.send({
            channel: conversation.channel,
            network: conversation.network,
            to: conversation.customer,
            ...(conversation.to ? { from: conversation.to } : {}),
            text,
            media,
            conversationId: conversation.id,
          }));
        } catch (cause) {
          failures.set(contactId, 'MESSAGING_SEND_FAILED');
          ctx.events.emit('sms-social.replyFailed', {
            ...outcome,
            result: 'MESSAGING_SEND_FAILED',
          });
          throw isMessagingError(cause, 'MESSAGING_SEND_FAILED')
            ? cause
            : new MessagingError('MESSAGING_SEND_FAILED', undefined, { details: outcome, cause });
        } finally {
          count(contactId, -1);
        }
        const message: ConversationMessage = {
          direction: 'outbound',
          id,
          text,
          media,
          at: ctx.clock.now(),
          agentId: state.agent.profile.id,
        };
        conversations.recordSent(contactId, message);
        failures.delete(contactId);
        notify();
        ctx.events.emit('sms-social.replySent', { ...outcome, result: id });
        return message;
      },
    });
    ctx.state.subscribe(notify);
    const stop = conversations.subscribe(notify);

    const api: SmsSocialApi = {
      getSnapshot() {
        cached ??= Object.freeze({
          threads: deskState()
            .contacts.filter(isMessaging)
            .map((contact) => ({
              contactId: contact.id,
              channel: contact.channel,
              status: contact.status,
              conversation: conversations.conversationOf(contact.id) ?? null,
              sending: inFlight.get(contact.id) ?? 0,
              lastError: failures.get(contact.id) ?? null,
            })),
        });
        return cached;
      },
      subscribe: (listener) =>
        bus.on('changed', () => {
          listener();
        }),
      conversation: (contactId) => conversations.conversationOf(contactId),
      async reply(contactId, draft) {
        const parsed = parseMessagingInput(messageDraftSchema, draft, 'message draft');
        return ctx.actions.invoke('sms-social.reply', { ...parsed, contactId });
      },
    };
    return { api, dispose: stop };
  },
});
