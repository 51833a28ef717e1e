import {
  SwitchboardError,
  defaultDispositions,
  definePlugin,
  dispositionSchema,
  portSchema,
  type Contact,
  type Disposition,
} from '@switchboard/core';
import * as z from 'zod/mini';
import type { DispositionNotes } from './dispositionNote';
import type {
  ContactDispositions,
  DispositionChoice,
  DispositionsApi,
  DispositionsSnapshot,
} from './dispositionsTypes';

/** Where the centre's dispositions are read (live): a `ContactCenter` fits. */
export interface DispositionCatalogue {
  /** The centre's dispositions. */
  readonly dispositions: readonly Disposition[];
}

/** Validates the plugin's configuration. */
export const dispositionsConfigSchema = z.object({
  /** Codes per queue id; a queue not listed uses the centre's. */
  queues: z._default(z.record(z.string(), z.array(dispositionSchema).check(z.minLength(1))), {}),
  /** The centre (or any `{ dispositions }`), read on each use; the core's defaults when absent. */
  centre: z.optional(
    z.custom<DispositionCatalogue>(
      (value) => Array.isArray((value as Partial<DispositionCatalogue> | null)?.dispositions),
      { error: 'Expected an object with a dispositions list (a contact centre).' },
    ),
  ),
  /** Whether completing a contact needs a valid code; `true` by default. */
  required: z._default(z.boolean(), true),
  /** Where the wrap-up note goes (a ticket book with `dispositionNoteTemplate`); none by default. */
  notes: z.optional(
    portSchema<DispositionNotes>(['addNote'], 'a notes port with addNote (a ticket book)'),
  ),
});
/** The plugin's configuration, as written. */
export type DispositionsConfig = z.input<typeof dispositionsConfigSchema>;

const listOf = (codes: readonly Disposition[]) => codes.map((known) => known.code).join(', ');

/**
 * Wrap-up codes per queue: `contact.complete` is refused without a code valid for the contact's
 * queue; the chosen code goes into the completion (so `contact.completed` and the CRM binding
 * carry it), a note and `dispositions.recorded`.
 *
 * @example
 * ```ts
 * const desk = createDesk({
 *   agent,
 *   center,
 *   plugins: [{ plugin: dispositions, config: { centre: center, queues: { billing: billingCodes } } }],
 * });
 * desk.plugin('dispositions').select(contactId, 'refundIssued', 'Refunded 20 EUR');
 * await desk.plugin('dispositions').complete(contactId);
 * ```
 */
export const dispositions = definePlugin({
  name: 'dispositions',
  version: '0.0.0',
  config: dispositionsConfigSchema,
  permissions: ['contact:read', 'contact:write', 'state:read'],
  setup(ctx, config) {
    const choices = new Map<string, DispositionChoice>();
    const listeners = new Set<() => void>();
    const desk = () => ctx.state.getSnapshot();
    const centreCodes = () => config.centre?.dispositions ?? defaultDispositions;
    const codesOfQueue = (queueId: string | null) =>
      (queueId === null ? undefined : config.queues[queueId]) ?? centreCodes();
    const held = (contactId: string): Contact | undefined =>
      desk().contacts.find((contact) => contact.id === contactId);
    const mine = (contactId: string): Contact => {
      const contact = held(contactId);
      if (!contact) {
        throw new SwitchboardError('NOT_FOUND', `Contact ${contactId} is not with this agent.`, {
          details: { contactId },
        });
      }
      return contact;
    };

    const known = new Set(centreCodes().map((code) => code.code));
    for (const [queueId, codes] of Object.entries(config.queues)) {
      const unknown = codes.filter((code) => !known.has(code.code));
      if (config.centre && unknown.length > 0) {
        ctx.logger.warn('Queue codes the centre does not know: the core will refuse them', {
          queueId,
          codes: unknown.map((code) => code.code),
        });
      }
    }

    let snapshot: DispositionsSnapshot = Object.freeze({ contacts: new Map() });
    const publish = () => {
      const contacts = new Map<string, ContactDispositions>();
      for (const contact of desk().contacts) {
        contacts.set(contact.id, {
          queueId: contact.queueId,
          codes: codesOfQueue(contact.queueId),
          selected: choices.get(contact.id) ?? null,
        });
      }
      snapshot = Object.freeze({ contacts });
      for (const listener of [...listeners]) listener();
    };
    publish();
    ctx.state.subscribe(publish);
    for (const event of ['contact.transferred', 'contact.abandoned', 'contact.failed'] as const) {
      ctx.events.on(event, ({ contactId, state }) => {
        if (state.agentId !== desk().agent.profile.id && choices.delete(contactId)) publish();
      });
    }

    ctx.actions.before('contact.complete', ({ contactId, disposition }) => {
      const contact = held(contactId);
      if (!contact) return undefined; // not this agent's: the built-in refuses it
      const codes = codesOfQueue(contact.queueId);
      const where = contact.queueId === null ? 'this contact' : `queue "${contact.queueId}"`;
      if (disposition === undefined || disposition === null) {
        return config.required
          ? { cancel: `Choose a disposition for ${where}: ${listOf(codes)}.` }
          : undefined;
      }
      return codes.some((code) => code.code === disposition)
        ? undefined
        : { cancel: `Disposition "${disposition}" is not valid for ${where}: ${listOf(codes)}.` };
    });
    ctx.actions.after('contact.complete', ({ contactId }, contact) => {
      const code = contact.status === 'completed' ? contact.disposition : null;
      const chosen = codesOfQueue(contact.queueId).find((known) => known.code === code);
      const comment = choices.get(contactId)?.comment ?? null;
      choices.delete(contactId);
      publish();
      if (!chosen) return;
      const at = ctx.clock.now();
      ctx.events.emit('dispositions.recorded', {
        contactId,
        queueId: contact.queueId,
        code: chosen.code,
        label: chosen.label,
        resolved: chosen.resolved,
        comment,
        at,
      });
      if (!config.notes) return;
      const { profile } = desk().agent;
      const fields = {
        code: chosen.code,
        label: chosen.label,
        resolved: chosen.resolved,
        queueId: contact.queueId,
        ...(comment === null ? {} : { comment }),
      };
      config.notes.addNote(
        { target: { kind: 'contact', id: contactId }, template: 'disposition', fields },
        { id: profile.id, roles: profile.roles },
      );
    });

    const api: DispositionsApi = {
      getSnapshot: () => snapshot,
      subscribe(listener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      codesFor: (contactId) => codesOfQueue(mine(contactId).queueId),
      codesOfQueue,
      select(contactId, code, comment) {
        const codes = codesOfQueue(mine(contactId).queueId);
        const chosen = codes.find((known) => known.code === code);
        const text = comment?.trim() ?? '';
        if (!chosen || text.length > 2_000) {
          const message = chosen
            ? 'The comment is longer than 2,000 characters.'
            : `Disposition "${code}" is not valid here: ${listOf(codes)}.`;
          throw new SwitchboardError('VALIDATION_FAILED', message, {
            issues: [{ path: [chosen ? 'comment' : 'code'], message }],
          });
        }
        const choice: DispositionChoice = { ...chosen, comment: text === '' ? null : text };
        choices.set(contactId, choice);
        ctx.events.emit('dispositions.selected', {
          contactId,
          code,
          comment: choice.comment,
          at: ctx.clock.now(),
        });
        publish();
        return choice;
      },
      choice: (contactId) => choices.get(contactId) ?? null,
      complete: (contactId) =>
        ctx.actions.invoke('contact.complete', {
          contactId,
          disposition: choices.get(contactId)?.code ?? null,
        }),
    };
    return { api };
  },
});
