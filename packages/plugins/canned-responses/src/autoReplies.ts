import {
  SwitchboardError,
  silentLogger,
  systemClock,
  type Clock,
  type ContactCenter,
  type Logger,
  type QueueId,
  type SwitchboardEvents,
  type TimerHandle,
  type Unsubscribe,
} from '@switchboard/core';
import * as z from 'zod/mini';
import { fillTemplate, templateRoots } from './fillTemplate';
import type { OutboundReply, ReplySender } from './replySender';
import { someReplyVariables } from './replyVariables';
import { replyChannelSchema, type ReplyChannel } from './responseSchema';
import {
  describeWait,
  estimateWait,
  staffedAgents,
  type HandleTimeSource,
  type WaitEstimate,
} from './waitEstimate';

/** Events after which a queue's staffed agents are counted again (see {@link changesStaffing}). */
const staffingChanges: ReadonlySet<string> = new Set([
  'agent.registered',
  'agent.statusChanged',
  'agent.profileChanged',
]);

/**
 * Whether an event can change who is staffed: a status change only when the agent logs in or
 * out (going on a break or becoming available leaves them staffed), so a busy day does not
 * count the agents again after every status change.
 */
function changesStaffing(name: string, payload: unknown): boolean {
  if (name !== 'agent.statusChanged') return staffingChanges.has(name);
  const { presence, previous } = payload as SwitchboardEvents['agent.statusChanged'];
  return presence.status === 'offline' || previous.status === 'offline';
}

/** Validates the texts and limits of {@link AutoRepliesOptions}. */
export const autoReplySettingsSchema = z.object({
  /** Channels acknowledged; chat and email by default. */
  channels: z._default(z.array(replyChannelSchema), ['chat', 'email']),
  /** The first message, sent as soon as the contact queues. */
  acknowledgement: z._default(
    z.string().check(z.minLength(1)),
    'Hello {{customer.firstName | "there"}}, thanks for getting in touch. You are number {{queue.position}} in the queue; the expected wait is {{wait.text}}.',
  ),
  /** The updates while it waits. */
  update: z._default(
    z.string().check(z.minLength(1)),
    'Thanks for waiting. You are now number {{queue.position}} in the queue; the expected wait is {{wait.text}}.',
  ),
  /** The subject of the email acknowledgement. */
  subject: z._default(z.string(), 'We have received your message'),
  /** Time between updates, in ms; 2 minutes by default. */
  updateEveryMs: z._default(z.number().check(z.minimum(1_000)), 120_000),
  /** Updates sent at most per contact (0: acknowledgement only); 3 by default. */
  maxUpdates: z._default(z.int().check(z.minimum(0), z.maximum(100)), 3),
  /** Handle time assumed for a queue with no statistics yet, in ms; 5 minutes by default. */
  defaultHandleMs: z._default(z.number().check(z.positive()), 300_000),
});

/** Options of {@link createAutoReplies}. */
export interface AutoRepliesOptions extends z.input<typeof autoReplySettingsSchema> {
  /** The centre whose queues are watched. */
  readonly center: ContactCenter;
  /** The send port the channels implement. */
  readonly sender: ReplySender;
  /** The centre's clock, for the updates; the system clock by default. */
  readonly clock?: Clock;
  /** Average handle time per queue (e.g. `handleTimeFromKpis(engine)`); none by default. */
  readonly handleTimeMs?: HandleTimeSource;
  /** Display names of queues, for `{{queue.name}}`. */
  readonly queueNames?: Readonly<Record<string, string>>;
  /** Where failed sends are reported. */
  readonly logger?: Logger;
}

/** What the automated replies did for one waiting contact. */
export interface AutoReplyState {
  /** The latest estimate sent. */
  readonly estimate: WaitEstimate;
  /** Messages sent (the acknowledgement included). */
  readonly sent: number;
  /** When the last one went out. */
  readonly lastSentAt: number;
  /** Messages not sent: a variable without a value, or the sender failed. */
  readonly failed: number;
}

/** The automated replies of a centre: observable, disposable. */
export interface AutoReplies {
  /** Per contact acknowledged and still tracked. Frozen; a new object after each change. */
  getSnapshot(): ReadonlyMap<string, AutoReplyState>;
  /** Calls `listener` after every change. */
  subscribe(listener: () => void): Unsubscribe;
  /** Stops listening and cancels every pending update. */
  dispose(): void;
}

/**
 * Centre-side automated replies: when a chat or email queues, acknowledge it at once with its
 * queue position and expected wait, then update it every `updateEveryMs` while it still waits,
 * at most `maxUpdates` times. Runs beside the centre (no agent has the contact yet), on its clock.
 *
 * @example
 * ```ts
 * const replies = createAutoReplies({ center, clock, sender: chatChannel, handleTimeMs: handleTimeFromKpis(kpis) });
 * ```
 */
export function createAutoReplies(options: AutoRepliesOptions): AutoReplies {
  const parsed = autoReplySettingsSchema.safeParse(options);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: [...issue.path],
      message: issue.message,
    }));
    throw new SwitchboardError('VALIDATION_FAILED', 'Invalid automated reply settings.', {
      issues,
    });
  }
  const settings = parsed.data;
  // Each reply builds only the variables its template names (no copy of the contact's attributes
  // when only the customer and the queue appear).
  const roots = {
    acknowledgement: templateRoots(settings.acknowledgement),
    update: templateRoots(settings.update),
  };
  const { center, sender } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const handleTimeMs = options.handleTimeMs ?? (() => null);
  const timers = new Map<string, TimerHandle>();
  const acknowledged = new Set<string>();
  const listeners = new Set<() => void>();
  // Changed in place: copying the map on every reply made each one cost as much as the contacts
  // tracked. The snapshot is a copy, built on the first read after a change.
  const states = new Map<string, AutoReplyState>();
  let snapshot: ReadonlyMap<string, AutoReplyState> | null = null;
  // Staffed agents per queue, for the wait estimate: counted once per queue until an agent logs
  // in or out, changes skills, or the queue's requirements change.
  const staffing = new Map<string, { queue: unknown; agents: number }>();
  const staffed = (queueId: string) => {
    const queue = center.queues.get(queueId as QueueId);
    const known = staffing.get(queueId);
    if (known !== undefined && known.queue === queue) return known.agents;
    const agents = staffedAgents(center, queueId);
    staffing.set(queueId, { queue, agents });
    return agents;
  };

  const publish = () => {
    snapshot = null;
    // Without subscribers (a host that only sends), there is no list to copy and walk.
    if (listeners.size === 0) return;
    for (const listener of [...listeners]) listener();
  };
  const stop = (contactId: string) => {
    const timer = timers.get(contactId);
    if (timer !== undefined) clock.clearTimeout(timer);
    timers.delete(contactId);
  };
  const record = (contactId: string, estimate: WaitEstimate, ok: boolean) => {
    const before = states.get(contactId);
    states.set(contactId, {
      estimate,
      sent: (before?.sent ?? 0) + (ok ? 1 : 0),
      lastSentAt: ok ? clock.now() : (before?.lastSentAt ?? clock.now()),
      failed: (before?.failed ?? 0) + (ok ? 0 : 1),
    });
    publish();
  };
  const send = (contactId: string, kind: OutboundReply['kind']) => {
    const contact = center.getSnapshot().contacts.get(contactId);
    const estimate = estimateWait(
      center,
      contactId,
      handleTimeMs,
      settings.defaultHandleMs,
      staffed,
    );
    if (!contact || !estimate) return false;
    const queueId = contact.queueId ?? '';
    const template = kind === 'acknowledgement' ? 'acknowledgement' : 'update';
    const variables = someReplyVariables(
      {
        contact,
        ...(options.queueNames?.[queueId] === undefined
          ? {}
          : { queueName: options.queueNames[queueId] }),
        extra: {
          queue: { position: estimate.position, name: options.queueNames?.[queueId] ?? queueId },
          wait: {
            text: describeWait(estimate.expectedWaitMs),
            minutes: Math.ceil(estimate.expectedWaitMs / 60_000),
          },
        },
      },
      roots[template],
    );
    const filled = fillTemplate(settings[template], variables);
    if (filled.missing.length > 0) {
      logger.warn('An automated reply has variables without a value: not sent', {
        contactId,
        missing: filled.missing,
      });
      record(contactId, estimate, false);
      return true;
    }
    const reply: OutboundReply = {
      contactId,
      channel: contact.channel as ReplyChannel,
      kind,
      text: filled.text,
      ...(contact.channel === 'email' && kind === 'acknowledgement'
        ? { subject: settings.subject }
        : {}),
    };
    try {
      record(contactId, estimate, true);
      // A synchronous sender returns nothing to wait for: no promise and no closure per reply.
      const sent = sender.send(reply);
      if (sent !== undefined)
        Promise.resolve(sent).catch((error: unknown) => {
          failed(contactId, estimate, error);
        });
    } catch (error) {
      failed(contactId, estimate, error);
    }
    return true;
  };
  const failed = (contactId: string, estimate: WaitEstimate, error: unknown) => {
    logger.error('An automated reply could not be sent', { error, contactId });
    record(contactId, estimate, false);
  };
  const schedule = (contactId: string) => {
    stop(contactId);
    const state = states.get(contactId);
    if (!state || state.sent + state.failed > settings.maxUpdates) return;
    timers.set(
      contactId,
      clock.setTimeout(() => {
        timers.delete(contactId);
        if (send(contactId, 'waitUpdate')) schedule(contactId);
      }, settings.updateEveryMs),
    );
  };

  const forget = (contactId: string) => {
    stop(contactId);
    if (states.delete(contactId)) publish();
  };
  const offQueued = center.events.on('contact.queued', ({ contactId, state: contact }) => {
    if (!settings.channels.includes(contact.channel as ReplyChannel)) return;
    if (!acknowledged.has(contactId)) {
      if (!send(contactId, 'acknowledgement')) return;
      acknowledged.add(contactId);
    }
    if (!timers.has(contactId)) schedule(contactId);
  });
  const offLeft = center.events.onAny((name, payload) => {
    if (changesStaffing(name, payload)) staffing.clear();
    const contactId = (payload as { contactId?: unknown }).contactId;
    if (name === 'contact.queued' || typeof contactId !== 'string') return;
    const status = (payload as { state?: { status?: unknown } }).state?.status;
    if (status === 'completed' || status === 'abandoned' || status === 'failed') {
      acknowledged.delete(contactId);
      forget(contactId);
    } else if (typeof status === 'string' && status !== 'queued') stop(contactId);
  });

  return {
    getSnapshot: () => (snapshot ??= new Map(states)),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      offQueued();
      offLeft();
      for (const contactId of [...timers.keys()]) stop(contactId);
    },
  };
}
