import { SwitchboardError, definePlugin, type Contact } from '@switchboard/core';
import * as z from 'zod/mini';
import { assignScript, scriptAssignmentSchema } from './assignment';
import type { CallScriptsApi, CallScriptsSnapshot } from './callScriptsTypes';
import { factsOf } from './facts';
import { noteFieldsOf, notesPortSchema } from './scriptNote';
import type { ScriptRun } from './scriptRun';
import { createScriptRunner, type ScriptRunner, type ScriptRunView } from './scriptRunner';
import { scriptSchema, type Script } from './scriptSchema';
import { standardScripts } from './scripts';

/** Validates the plugin's configuration. */
export const callScriptsConfigSchema = z
  .object({
    /** The scripts; the four standard ones by default. */
    scripts: z._default(z.array(scriptSchema), [...standardScripts]),
    /** Which contact gets which script; the first match wins. None by default. */
    assign: z._default(z.array(scriptAssignmentSchema), []),
    /** Where progress notes go (a ticket book with `callScriptNoteTemplate`); none by default. */
    notes: z.optional(notesPortSchema),
  })
  .check(
    z.superRefine((config, context) => {
      const ids = new Set(config.scripts.map((script) => script.id));
      config.assign.forEach((rule, index) => {
        if (!ids.has(rule.script)) {
          context.addIssue({
            code: 'custom',
            message: `No script "${rule.script}".`,
            path: ['assign', index, 'script'],
            input: rule.script,
          });
        }
      });
    }),
  );
/** The plugin's configuration, as written. */
export type CallScriptsConfig = z.input<typeof callScriptsConfigSchema>;

interface Tracked {
  readonly runner: ScriptRunner;
  noteId?: string;
}

/**
 * Guided call scripts: starts the assigned script when the agent accepts a contact, records
 * each answer (events, storage keyed by contact, a note), and refuses `contact.complete` while
 * the script's policy says required steps are open.
 *
 * @example
 * ```ts
 * const desk = createDesk({
 *   agent,
 *   plugins: [{ plugin: callScripts, config: { assign: [{ script: 'passwordReset', queues: ['identity'] }] } }],
 * });
 * desk.plugin('callScripts').answer(contactId, 'passed');
 * ```
 */
export const callScripts = definePlugin({
  name: 'callScripts',
  version: '0.0.0',
  config: callScriptsConfigSchema,
  permissions: ['contact:read', 'contact:write', 'state:read'],
  setup(ctx, config) {
    const scripts = new Map<string, Script>(config.scripts.map((script) => [script.id, script]));
    const tracked = new Map<string, Tracked>();
    const listeners = new Set<() => void>();
    let snapshot: CallScriptsSnapshot = Object.freeze({ runs: new Map() });

    const desk = () => ctx.state.getSnapshot();
    const contactOf = (contactId: string): Contact => {
      const contact = desk().contacts.find((held) => held.id === contactId);
      if (!contact) {
        throw new SwitchboardError('NOT_FOUND', `Contact ${contactId} is not with this agent.`, {
          details: { contactId },
        });
      }
      return contact;
    };
    const trackedOf = (contactId: string): Tracked => {
      const found = tracked.get(contactId);
      if (!found) {
        throw new SwitchboardError('NOT_FOUND', `Contact ${contactId} has no script running.`, {
          details: { contactId },
        });
      }
      return found;
    };
    const publish = () => {
      snapshot = Object.freeze({
        runs: new Map([...tracked].map(([id, entry]) => [id, entry.runner.getSnapshot()])),
      });
      for (const listener of [...listeners]) listener();
    };
    const writeNote = (contactId: string, entry: Tracked, view: ScriptRunView) => {
      const notes = config.notes;
      if (!notes || view.path.length === 0) return;
      const { profile } = desk().agent;
      const actor = { id: profile.id, roles: profile.roles };
      const fields = noteFieldsOf(view);
      try {
        if (entry.noteId === undefined) {
          const target = { kind: 'contact', id: contactId } as const;
          entry.noteId = notes.addNote({ target, template: 'callScript', fields }, actor).id;
        } else notes.editNote(entry.noteId, { fields }, actor);
      } catch (error) {
        ctx.logger.error('The script note could not be written', { error, contactId });
      }
    };
    const record = (contactId: string, entry: Tracked) => {
      const view = entry.runner.getSnapshot();
      ctx.storage.set(`run:${contactId}`, view.run).catch((error: unknown) => {
        ctx.logger.error('The script run could not be stored', { error, contactId });
      });
      writeNote(contactId, entry, view);
      publish();
      return view;
    };
    const begin = (contact: Contact, script: Script, from?: ScriptRun): ScriptRunView => {
      const entry: Tracked = { runner: createScriptRunner(script, factsOf(contact), from) };
      tracked.set(contact.id, entry);
      ctx.events.emit('callScripts.started', {
        contactId: contact.id,
        scriptId: script.id,
        at: ctx.clock.now(),
      });
      return record(contact.id, entry);
    };

    ctx.events.on('contact.accepted', ({ contactId, state: contact, agentId }) => {
      if (agentId !== desk().agent.profile.id || tracked.has(contactId)) return;
      const scriptId = assignScript(config.assign, contact);
      const script = scriptId === undefined ? undefined : scripts.get(scriptId);
      if (!script) return;
      begin(contact, script);
    });
    for (const event of ['contact.completed', 'contact.abandoned', 'contact.failed'] as const) {
      ctx.events.on(event, ({ contactId }) => {
        if (tracked.delete(contactId)) publish();
      });
    }
    ctx.events.on('contact.transferred', ({ contactId, state: contact }) => {
      if (contact.agentId !== desk().agent.profile.id && tracked.delete(contactId)) publish();
    });
    ctx.actions.before('contact.complete', ({ contactId }) => {
      const blocker = tracked.get(contactId)?.runner.getSnapshot().blocker;
      return blocker ? { cancel: blocker } : undefined;
    });

    const api: CallScriptsApi = {
      scripts: () => [...scripts.values()],
      getSnapshot: () => snapshot,
      subscribe(listener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      run: (contactId) => tracked.get(contactId)?.runner.getSnapshot(),
      start(contactId, scriptId) {
        const script = scripts.get(scriptId);
        if (!script) {
          throw new SwitchboardError('NOT_FOUND', `No script "${scriptId}".`, {
            details: { scriptId },
          });
        }
        return begin(contactOf(contactId), script);
      },
      answer(contactId, value) {
        const entry = trackedOf(contactId);
        const before = entry.runner.getSnapshot();
        const after = entry.runner.answer(value);
        const last = after.path.at(-1);
        const base = { contactId, scriptId: after.scriptId, at: ctx.clock.now() };
        if (last) {
          ctx.events.emit('callScripts.stepAnswered', {
            ...base,
            stepId: last.stepId,
            answer: last.answer,
            nextStepId: after.step?.id ?? null,
          });
        }
        if (after.finished && !before.finished) ctx.events.emit('callScripts.finished', base);
        return record(contactId, entry);
      },
      back(contactId) {
        const entry = trackedOf(contactId);
        const view = entry.runner.back();
        ctx.events.emit('callScripts.wentBack', {
          contactId,
          scriptId: view.scriptId,
          stepId: view.step?.id ?? '',
          at: ctx.clock.now(),
        });
        return record(contactId, entry);
      },
      async stored(contactId) {
        return (await ctx.storage.get(`run:${contactId}`)) as ScriptRun | undefined;
      },
    };
    return { api };
  },
});
