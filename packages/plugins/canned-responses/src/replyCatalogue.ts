import { SwitchboardError } from '@switchboard/core';
import {
  replyChannels,
  type CannedResponse,
  type Macro,
  type ReplyChannel,
  type ReplyItem,
} from './responseSchema';

/** The text of a saved reply or macro, before its variables are filled. */
export interface ReplyTemplate {
  /** The body (a macro's parts joined). */
  readonly body: string;
  /** The subject line, if any (a macro takes its first part's). */
  readonly subject: string | undefined;
}

/** Saved replies and macros by id, with the lookups a desk needs. */
export interface ReplyCatalogue {
  /** Every item, responses first, in the configured order. */
  readonly items: readonly ReplyItem[];
  /** The items a contact of `queueId` on `channel` may use. */
  available(queueId: string | null, channel: string): ReplyItem[];
  /** The body and subject of a response or macro (its parts joined). */
  template(id: string): ReplyTemplate;
}

/**
 * Indexes saved replies and macros.
 *
 * @throws `SwitchboardError` `VALIDATION_FAILED` for a duplicate id or a macro part that
 * is not a saved reply.
 */
export function createReplyCatalogue(
  responses: readonly CannedResponse[],
  macros: readonly Macro[],
): ReplyCatalogue {
  const byId = new Map<string, CannedResponse>();
  const macroById = new Map<string, Macro>();
  const refuse = (message: string): never => {
    throw new SwitchboardError('VALIDATION_FAILED', message, { issues: [{ path: [], message }] });
  };
  for (const response of responses) {
    if (byId.has(response.id)) refuse(`Duplicate reply id "${response.id}".`);
    byId.set(response.id, response);
  }
  for (const macro of macros) {
    if (byId.has(macro.id) || macroById.has(macro.id)) refuse(`Duplicate reply id "${macro.id}".`);
    const unknown = macro.parts.find((part) => !byId.has(part));
    if (unknown !== undefined) refuse(`Macro "${macro.id}" uses "${unknown}", not a saved reply.`);
    macroById.set(macro.id, macro);
  }
  /** A macro is seen where it and every one of its parts are. */
  const queuesOf = (macro: Macro, parts: readonly CannedResponse[]) =>
    [macro, ...parts].reduce<readonly string[] | undefined>(
      (allowed, item) =>
        item.queues === undefined
          ? allowed
          : allowed === undefined
            ? item.queues
            : allowed.filter((queue) => item.queues?.includes(queue)),
      undefined,
    );
  const partsOf = (macro: Macro) => macro.parts.flatMap((part) => byId.get(part) ?? []);
  const items: ReplyItem[] = [
    ...responses.map((response) => ({
      id: response.id,
      kind: 'response' as const,
      title: response.title,
      shortcut: response.shortcut,
      tags: response.tags,
      body: response.body,
      channels: response.channels ?? replyChannels,
      queues: response.queues,
    })),
    ...macros.map((macro) => {
      const parts = partsOf(macro);
      // A macro fits the channels every one of its parts fits.
      const channels = replyChannels.filter((channel) =>
        parts.every((part) => (part.channels ?? replyChannels).includes(channel)),
      );
      return {
        id: macro.id,
        kind: 'macro' as const,
        title: macro.title,
        shortcut: macro.shortcut,
        tags: macro.tags,
        body: parts.map((part) => part.body).join(macro.separator),
        channels,
        queues: queuesOf(macro, parts),
      };
    }),
  ];
  return {
    items,
    available: (queueId, channel) =>
      items.filter(
        (item) =>
          item.channels.includes(channel as ReplyChannel) &&
          (item.queues === undefined || (queueId !== null && item.queues.includes(queueId))),
      ),
    template(id) {
      const response = byId.get(id);
      if (response) return { body: response.body, subject: response.subject };
      const macro = macroById.get(id);
      if (!macro) {
        throw new SwitchboardError('NOT_FOUND', `No saved reply "${id}".`, { details: { id } });
      }
      const parts = partsOf(macro);
      return {
        body: parts.map((part) => part.body).join(macro.separator),
        subject: parts.find((part) => part.subject !== undefined)?.subject,
      };
    },
  };
}
