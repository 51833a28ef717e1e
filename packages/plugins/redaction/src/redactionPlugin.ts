import { definePlugin } from '@switchboard/core';
import type { RedactionResult, Redactor } from '@switchboard/core/privacy';
import { buildRedactor } from './buildRedactor';
import { createPciPause } from './pciPause';
import type { Observable, PciPause, PciPaused, PciResumed, RedactionSnapshot } from './pciState';
import { redactionConfigSchema } from './redactionConfig';

/** A transcript message as a channel plugin holds it: at least the contact and the text. */
export interface TranscriptMessage {
  /** The contact (chat, SMS, call transcription) the message belongs to. */
  readonly contactId: string;
  /** The message text. */
  readonly text: string;
}

/**
 * The transcript port: what a channel plugin (chat, email, SMS, call transcription) calls on
 * every message before it stores, shows or sends it. The redaction plugin's API is one.
 */
export interface TranscriptRedactor {
  /** The message with its text redacted (every digit masked too while its contact is paused). */
  redactMessage<M extends TranscriptMessage>(message: M): M;
  /** Whether the agent's input for this contact must be masked now (a PCI pause is on). */
  isInputMasked(contactId: string): boolean;
}

/** The API of the redaction plugin: `desk.plugin('redaction')`. */
export interface RedactionApi extends TranscriptRedactor, Observable<RedactionSnapshot> {
  /** The configured core redactor; hand it to a ticket book (`createTicketBook({ redactor })`). */
  readonly redactor: Redactor;
  /** Redacts a text with the configured rules. */
  redact(text: string): RedactionResult;
  /** A deep copy of a note's fields with strings redacted (only at `paths` when given). */
  redactNote<T>(fields: T, paths?: readonly string[]): T;
  /**
   * Starts a PCI pause: the contact's recording pauses and its chat input is masked until
   * `resume`, the time-out, or the contact leaves `connected`. Emits `pci.paused`; pausing a
   * paused contact returns its pause.
   *
   * @throws `SwitchboardError` `INVALID_TRANSITION` when the contact is not connected to this desk.
   */
  pause(contactId: string): PciPause;
  /**
   * Ends a PCI pause (reason `agent`); emits `pci.resumed`.
   *
   * @throws `SwitchboardError` `NOT_FOUND` when the contact is not paused.
   */
  resume(contactId: string): void;
  /** Whether a contact is paused now. */
  isPaused(contactId: string): boolean;
}

/**
 * The redaction and PCI plugin. Masks card numbers (Luhn-checked, anywhere in a digit run),
 * security codes, IBANs, emails, phone numbers, national ids and your own patterns in notes
 * (note actions are rewritten before they run) and transcripts (`redactMessage`), and pauses
 * recording while card data is taken.
 *
 * @example
 * ```ts
 * const desk = createDesk({
 *   agent,
 *   plugins: [{ plugin: redaction, config: { pci: { recorder: (id) => binding.callOf(id) } } }],
 * });
 * desk.plugin('redaction').pause(contactId); // recording paused, chat input masked
 * ```
 */
export const redaction = definePlugin({
  name: 'redaction',
  version: '0.0.0',
  config: redactionConfigSchema,
  permissions: ['state:read', 'pci:write', 'note:write'],
  setup(ctx, config) {
    const redactor = buildRedactor(config);
    const { maskCharacter } = config.pci;
    const pauses = createPciPause({
      ctx,
      timeoutMs: config.pci.timeoutMs,
      recorder: config.pci.recorder,
    });
    for (const { action, field, paths } of config.notes) {
      ctx.actions.replace(action, (payload, _call, next) => {
        if (typeof payload !== 'object' || payload === null || !(field in payload)) return next();
        const content = (payload as Record<string, unknown>)[field];
        return next({ ...payload, [field]: redactor.redactFields(content, paths) });
      });
    }
    const pauseIfCard = (contactId: string, result: RedactionResult) => {
      if (!config.pci.pauseOnCardNumber || pauses.isPaused(contactId)) return;
      if (!result.findings.some((finding) => finding.rule === 'cardNumber')) return;
      try {
        pauses.pause(contactId, 'cardNumber');
      } catch (error) {
        ctx.logger.warn('A card number arrived outside a connected contact', { error, contactId });
      }
    };
    const api: RedactionApi = {
      redactor,
      redact: (text) => redactor.redact(text),
      redactNote: (fields, paths) => redactor.redactFields(fields, paths),
      redactMessage(message) {
        const result = redactor.redact(message.text);
        pauseIfCard(message.contactId, result);
        const text = pauses.isPaused(message.contactId)
          ? result.text.replace(/\d/g, maskCharacter)
          : result.text;
        return text === message.text ? message : { ...message, text };
      },
      isInputMasked: (contactId) => pauses.isPaused(contactId),
      pause: (contactId) => pauses.pause(contactId, 'agent'),
      resume: (contactId) => {
        pauses.resume(contactId, 'agent');
      },
      isPaused: (contactId) => pauses.isPaused(contactId),
      getSnapshot: () => pauses.store.getSnapshot(),
      subscribe: (listener) => pauses.store.subscribe(listener),
    };
    return {
      api,
      dispose: () => {
        pauses.dispose();
      },
    };
  },
});

declare module '@switchboard/core' {
  interface PluginApis {
    /** The redaction and PCI plugin. */
    redaction: RedactionApi;
  }
  interface SwitchboardEvents {
    /** A contact's recording paused and its chat input is masked while card data is taken. */
    'pci.paused': PciPaused;
    /** A PCI pause ended: by the agent, on time-out, or because the contact left `connected`. */
    'pci.resumed': PciResumed;
  }
}
