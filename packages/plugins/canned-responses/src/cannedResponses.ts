import { SwitchboardError, definePlugin, type Contact } from '@switchboard/core';
import * as z from 'zod/mini';
import type { CannedResponsesApi, RenderedReply } from './cannedResponsesTypes';
import { fillTemplate } from './fillTemplate';
import { createReplyCatalogue } from './replyCatalogue';
import { isReplySender, type ReplySender } from './replySender';
import { replyVariables } from './replyVariables';
import { cannedResponseSchema, macroSchema, type ReplyChannel } from './responseSchema';
import { searchReplies } from './searchReplies';

/** Validates the plugin's configuration. */
export const cannedResponsesConfigSchema = z
  .object({
    /** The saved replies. */
    responses: z._default(z.array(cannedResponseSchema), []),
    /** The macros. */
    macros: z._default(z.array(macroSchema), []),
    /** Display names of queues, for `{{contact.queue}}`; the id otherwise. */
    queueNames: z._default(z.record(z.string(), z.string()), {}),
    /** Where `send` hands replies: the channel's send port. */
    sender: z.optional(
      z.custom<ReplySender>(isReplySender, { error: 'Expected a sender with send(reply).' }),
    ),
  })
  .check(
    z.superRefine((config, context) => {
      try {
        createReplyCatalogue(config.responses, config.macros);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message, input: config });
      }
    }),
  );
/** The plugin's configuration, as written. */
export type CannedResponsesConfig = z.input<typeof cannedResponsesConfigSchema>;

/**
 * Saved replies and macros for chat, email, SMS and social: per-queue sets, ranked search, and
 * variables filled from the customer, the contact and the agent (missing ones reported).
 *
 * @example
 * ```ts
 * const desk = createDesk({ agent, plugins: [{ plugin: cannedResponses, config: { responses, sender } }] });
 * const [best] = desk.plugin('cannedResponses').search('refund', contactId);
 * await desk.plugin('cannedResponses').send(contactId, best.id);
 * ```
 */
export const cannedResponses = definePlugin({
  name: 'cannedResponses',
  version: '0.0.0',
  config: cannedResponsesConfigSchema,
  permissions: ['state:read'],
  setup(ctx, config) {
    const catalogue = createReplyCatalogue(config.responses, config.macros);
    const desk = () => ctx.state.getSnapshot();
    const held = (contactId: string): Contact => {
      const contact = desk().contacts.find((candidate) => candidate.id === contactId);
      if (!contact) {
        throw new SwitchboardError('NOT_FOUND', `Contact ${contactId} is not with this agent.`, {
          details: { contactId },
        });
      }
      return contact;
    };
    const available = (contactId: string) => {
      const contact = held(contactId);
      return catalogue.available(contact.queueId, contact.channel);
    };
    const render = (
      contactId: string,
      responseId: string,
      extra?: Record<string, unknown>,
    ): RenderedReply => {
      const contact = held(contactId);
      if (!available(contactId).some((item) => item.id === responseId)) {
        throw new SwitchboardError(
          'NOT_FOUND',
          `Saved reply "${responseId}" is not available for contact ${contactId}.`,
          { details: { contactId, responseId } },
        );
      }
      const { body, subject } = catalogue.template(responseId);
      const variables = replyVariables({
        contact,
        agent: desk().agent.profile,
        ...(contact.queueId !== null && config.queueNames[contact.queueId] !== undefined
          ? { queueName: config.queueNames[contact.queueId] }
          : {}),
        ...(extra ? { extra } : {}),
      });
      const text = fillTemplate(body, variables);
      const heading = subject === undefined ? undefined : fillTemplate(subject, variables);
      return {
        responseId,
        text: text.text,
        subject: heading?.text,
        missing: [...new Set([...text.missing, ...(heading?.missing ?? [])])],
      };
    };

    const api: CannedResponsesApi = {
      items: () => catalogue.items,
      available,
      search: (query, contactId) =>
        searchReplies(contactId === undefined ? catalogue.items : available(contactId), query),
      render,
      async send(contactId, responseId, extra) {
        const reply = render(contactId, responseId, extra);
        if (reply.missing.length > 0) {
          const message = `Reply "${responseId}" has variables without a value: ${reply.missing.join(', ')}.`;
          throw new SwitchboardError('VALIDATION_FAILED', message, {
            issues: reply.missing.map((name) => ({ path: [name], message: 'no value' })),
          });
        }
        if (!config.sender) {
          throw new SwitchboardError('NOT_FOUND', 'No sender is configured for saved replies.');
        }
        const channel = held(contactId).channel as ReplyChannel;
        await config.sender.send({
          contactId,
          channel,
          kind: 'reply',
          text: reply.text,
          responseId,
          ...(reply.subject === undefined ? {} : { subject: reply.subject }),
        });
        ctx.events.emit('cannedResponses.sent', {
          contactId,
          responseId,
          channel,
          at: ctx.clock.now(),
        });
        return reply;
      },
    };
    return { api };
  },
});
