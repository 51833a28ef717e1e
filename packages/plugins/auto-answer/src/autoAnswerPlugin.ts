import {
  createStore,
  definePlugin,
  type Contact,
  type TimerHandle,
  type Unsubscribe,
} from '@switchboard/core';
import { autoAnswerConfigSchema, type CallbackQuestion } from './autoAnswerConfig';
import type {
  AutoAccepted,
  AutoAnswerSnapshot,
  CallbackChanged,
  CallbackStatus,
  PendingAnswer,
  WhisperTone,
} from './autoAnswerState';

/** The API of the auto-answer plugin: `desk.plugin('autoAnswer')`. */
export interface AutoAnswerApi {
  /** Pending offers, callbacks and whether auto-answer is on. */
  getSnapshot(): AutoAnswerSnapshot;
  /** Calls `listener` after every change until the returned function is called. */
  subscribe(listener: () => void): Unsubscribe;
  /** Switches auto-answer on or off; off cancels the pending accepts. */
  setEnabled(enabled: boolean): void;
  /**
   * Asks a waiting customer whether they want a callback (through the `ask` port) and, if they
   * do, turns the contact into a callback that keeps its place. Resolves with the outcome;
   * `declined` when callbacks are not configured or the contact no longer waits.
   */
  offerCallback(contactId: string): Promise<CallbackStatus>;
}

type AnswerEvent =
  | { readonly type: 'enabled'; readonly enabled: boolean }
  | { readonly type: 'pending'; readonly answer: PendingAnswer }
  | { readonly type: 'settled'; readonly contactId: string }
  | {
      readonly type: 'callback';
      readonly contactId: string;
      readonly status: CallbackStatus;
      readonly at: number;
    };

const voiceLike = new Set<Contact['channel']>(['voice', 'callback']);

/**
 * Auto-answer and callbacks. Offers on the configured channels are accepted by themselves
 * after their delay (voice and callback offers announce themselves with a whisper tone event
 * first). With `callbacks`, waiting customers are asked whether they want a callback when the
 * centre offers one (`routing.callbackOffered`, from a queue's escalation step, maximum wait or
 * closing) or when `offerCallback` is called; the centre then routes the callback to a free
 * agent within the customer's calling hours (its calling policy), and the desk that accepts it
 * dials it through the `place` port.
 *
 * @example
 * ```ts
 * const desk = createDesk({
 *   agent, center,
 *   plugins: [{ plugin: autoAnswer, config: {
 *     channels: [{ channel: 'chat' }, { channel: 'voice', delayMs: 2_000 }, { channel: 'callback' }],
 *     callbacks: { place: (call) => phone.call(call.phone) },
 *   } }],
 * });
 * ```
 */
export const autoAnswer = definePlugin({
  name: 'autoAnswer',
  version: '0.0.0',
  config: autoAnswerConfigSchema,
  permissions: ['contact:read', 'contact:write'],
  setup(ctx, config) {
    const store = createStore<AutoAnswerSnapshot, AnswerEvent>(
      {
        initial: { enabled: config.enabled, pending: [], callbacks: [] },
        historyLimit: 0,
        reduce(draft, event) {
          switch (event.type) {
            case 'enabled':
              draft.enabled = event.enabled;
              if (!event.enabled) draft.pending = [];
              return;
            case 'pending':
              draft.pending.push(event.answer);
              return;
            case 'settled':
              draft.pending = draft.pending.filter((entry) => entry.contactId !== event.contactId);
              return;
            case 'callback': {
              const { contactId, status, at } = event;
              const entry = draft.callbacks.find((item) => item.contactId === contactId);
              if (entry) Object.assign(entry, { status, at });
              else draft.callbacks.push({ contactId, status, at });
              if (draft.callbacks.length > 200) draft.callbacks.shift();
            }
          }
        },
      },
      (error) => {
        ctx.logger.error('A subscriber of auto-answer threw', { error });
      },
    );
    const timers = new Map<string, TimerHandle>();
    const delays = new Map(config.channels.map(({ channel, delayMs }) => [channel, delayMs]));
    const callbacks = config.callbacks;

    const setCallback = (contactId: string, status: CallbackStatus) => {
      const at = ctx.clock.now();
      store.apply([{ type: 'callback', contactId, status, at }]);
      return at;
    };

    async function accept(contactId: string, channel: Contact['channel'], offeredAt: number) {
      timers.delete(contactId);
      store.apply([{ type: 'settled', contactId }]);
      try {
        await ctx.actions.invoke('contact.accept', { contactId });
      } catch (error) {
        // The offer lapsed, was taken back or refused by a hook: nothing to accept any more.
        ctx.logger.debug('An offer could not be auto-accepted', { error, contactId });
        return;
      }
      ctx.events.emit('autoAnswer.accepted', {
        contactId,
        channel,
        afterMs: ctx.clock.now() - offeredAt,
      });
    }

    ctx.events.on('contact.offered', ({ state: contact }) => {
      const delayMs = delays.get(contact.channel);
      if (delayMs === undefined || !store.getSnapshot().enabled) return;
      const offeredAt = ctx.clock.now();
      const acceptAt = offeredAt + delayMs;
      if (config.whisperTone && voiceLike.has(contact.channel)) {
        ctx.events.emit('autoAnswer.whisperTone', { contactId: contact.id, acceptAt });
      }
      store.apply([
        { type: 'pending', answer: { contactId: contact.id, channel: contact.channel, acceptAt } },
      ]);
      const run = () => void accept(contact.id, contact.channel, offeredAt);
      // No delay: accept once the offer's own emission is over, not inside it.
      if (delayMs === 0) void Promise.resolve().then(run);
      else timers.set(contact.id, ctx.clock.setTimeout(run, delayMs));
    });
    const cancel = ({ contactId }: { contactId: string }) => {
      const timer = timers.get(contactId);
      if (timer === undefined) return;
      ctx.clock.clearTimeout(timer);
      timers.delete(contactId);
      store.apply([{ type: 'settled', contactId }]);
    };
    for (const event of ['contact.rejected', 'contact.missed', 'contact.abandoned'] as const) {
      ctx.events.on(event, cancel);
    }

    // Placing: a callback this desk accepted is dialled.
    ctx.events.on('contact.accepted', ({ state: contact }) => {
      const place = callbacks?.place;
      if (contact.channel !== 'callback' || !place) return;
      const phone = contact.customer.phone;
      const failed = (error: unknown) => {
        ctx.logger.warn('A callback could not be placed', { error, contactId: contact.id });
        const at = setCallback(contact.id, 'failed');
        ctx.events.emit('autoAnswer.callbackFailed', { contactId: contact.id, at });
      };
      if (phone === undefined) {
        failed('no phone number');
        return;
      }
      const call = { contactId: contact.id, phone, timeZone: contact.customer.timeZone ?? null };
      Promise.resolve()
        .then(() => place(call))
        .then(() => {
          const at = setCallback(contact.id, 'placed');
          ctx.events.emit('autoAnswer.callbackPlaced', { contactId: contact.id, at });
        }, failed);
    });

    // Offering: ask a waiting customer, and turn the contact into a callback if they agree.
    async function offerCallback(
      contactId: string,
      reason: CallbackQuestion['reason'],
    ): Promise<CallbackStatus> {
      const center = callbacks?.center;
      const ask = callbacks?.ask;
      const waiting = () => center?.getSnapshot().contacts.get(contactId);
      const contact = waiting();
      if (!center || !ask || contact?.status !== 'queued') return 'declined';
      setCallback(contactId, 'asking');
      let reply;
      try {
        reply = await ask({ contactId, reason, phone: contact.customer.phone ?? null });
      } catch (error) {
        ctx.logger.warn('The customer could not be asked about a callback', { error, contactId });
        reply = { accepted: false };
      }
      if (!reply.accepted || waiting()?.status !== 'queued') {
        setCallback(contactId, 'declined');
        return 'declined';
      }
      try {
        center.contactCommand(contactId, {
          type: 'requestCallback',
          ...(reply.phone === undefined ? {} : { phone: reply.phone }),
        });
      } catch (error) {
        ctx.logger.warn('The callback could not be requested', { error, contactId });
        setCallback(contactId, 'failed');
        return 'failed';
      }
      const at = setCallback(contactId, 'requested');
      ctx.events.emit('autoAnswer.callbackRequested', { contactId, at });
      return 'requested';
    }

    const offPorts: Unsubscribe[] = [];
    if (callbacks?.center && callbacks.ask) {
      offPorts.push(
        callbacks.center.events.on('routing.callbackOffered', ({ contactId, reason }) => {
          offerCallback(contactId, reason).catch((error: unknown) => {
            ctx.logger.error('A callback offer failed', { error, contactId });
          });
        }),
      );
    }

    const api: AutoAnswerApi = {
      getSnapshot: () => store.getSnapshot(),
      subscribe: (listener) => store.subscribe(listener),
      setEnabled(enabled) {
        if (!enabled) for (const contactId of [...timers.keys()]) cancel({ contactId });
        store.apply([{ type: 'enabled', enabled }]);
      },
      offerCallback: (contactId) => offerCallback(contactId, 'agent'),
    };
    return {
      api,
      dispose: () => {
        for (const off of offPorts) off();
      },
    };
  },
});

declare module '@switchboard/core' {
  interface PluginApis {
    /** Auto-answer and callbacks. */
    autoAnswer: AutoAnswerApi;
  }
  interface SwitchboardEvents {
    /** A voice or callback offer will be accepted at `acceptAt`: play a short tone now. */
    'autoAnswer.whisperTone': WhisperTone;
    /** An offer was accepted by auto-answer. */
    'autoAnswer.accepted': AutoAccepted;
    /** A waiting customer agreed to a callback; the contact keeps its place as a callback. */
    'autoAnswer.callbackRequested': CallbackChanged;
    /** A callback accepted at this desk was handed to the dialler. */
    'autoAnswer.callbackPlaced': CallbackChanged;
    /** The dialler could not place a callback. */
    'autoAnswer.callbackFailed': CallbackChanged;
  }
}
