import { definePlugin, portSchema, SwitchboardError, type DeskSnapshot } from '@switchboard/core';
import * as z from 'zod/mini';
import { pigeonNoteSchema, type PigeonNote, type PigeonPost } from './pigeonPost';

/** What the desk shows: the notes that came in on the agent's pigeon contacts, and replies in flight. */
export interface CarrierPigeonSnapshot {
  /** The note on each pigeon contact the agent holds, by contact id. */
  readonly inbox: Readonly<Record<string, PigeonNote>>;
  /** Replies whose pigeon has not landed yet. */
  readonly inFlight: number;
}

/** The plugin's API: `desk.plugin('carrier-pigeon')`. */
export interface CarrierPigeonApi {
  /** The current snapshot; the same object until something changes. */
  getSnapshot(): CarrierPigeonSnapshot;
  /** Calls `listener` after every change. */
  subscribe(listener: () => void): () => void;
  /** Sends a reply on a pigeon contact the agent holds; it lands after `flightMs`. */
  reply(contactId: string, text: string): void;
}

declare module '@switchboard/core' {
  interface PluginApis {
    /** The carrier-pigeon channel's desk side. */
    'carrier-pigeon': CarrierPigeonApi;
  }
  interface SwitchboardEvents {
    /** A reply pigeon reached the customer. */
    'carrier-pigeon.landed': {
      /** The contact replied on. */
      readonly contactId: string;
      /** The note delivered. */
      readonly note: PigeonNote;
    };
  }
}

/** Validates the plugin's configuration. */
export const carrierPigeonConfigSchema = z.object({
  /** The outbound port notes leave by. */
  post: portSchema<PigeonPost>(['send'], 'a PigeonPost with a send(note) method'),
  /** How long a pigeon flies, in ms. Default one hour. */
  flightMs: z._default(z.number().check(z.minimum(0)), 3_600_000),
});

/**
 * The carrier-pigeon channel's desk side: shows the note of each pigeon contact the agent holds,
 * and sends replies through the configured {@link PigeonPost} after a flight on the desk's clock.
 *
 * @example
 * ```ts
 * createDesk({ agent, plugins: [{ plugin: carrierPigeon, config: { post: createPigeonCoop() } }] });
 * ```
 */
export const carrierPigeon = definePlugin({
  name: 'carrier-pigeon',
  version: '0.1.0',
  config: carrierPigeonConfigSchema,
  permissions: ['state:read'],
  setup(ctx, config) {
    const listeners = new Set<() => void>();
    let inFlight = 0;
    const inboxOf = (desk: DeskSnapshot) =>
      Object.fromEntries(
        desk.contacts.flatMap((contact) => {
          const note = pigeonNoteSchema.safeParse(contact.attributes.pigeon);
          return note.success && contact.status !== 'offered' ? [[contact.id, note.data]] : [];
        }),
      );
    const desk = () => ctx.state.getSnapshot();
    let snapshot: CarrierPigeonSnapshot = { inbox: inboxOf(desk()), inFlight };
    const changed = () => {
      snapshot = { inbox: inboxOf(desk()), inFlight };
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (error) {
          ctx.logger.error('A carrier-pigeon subscriber threw', { error });
        }
      }
    };
    const stop = ctx.state.subscribe(changed);

    const api: CarrierPigeonApi = {
      getSnapshot: () => snapshot,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      reply(contactId, text) {
        const note = snapshot.inbox[contactId];
        if (!note) {
          throw new SwitchboardError('NOT_FOUND', `No pigeon contact ${contactId} on this desk.`, {
            details: { contactId },
          });
        }
        const reply = pigeonNoteSchema.safeParse({
          from: desk().agent.profile.id,
          to: note.from,
          text,
        });
        if (!reply.success) {
          throw new SwitchboardError('VALIDATION_FAILED', 'A pigeon cannot carry that note.', {
            issues: reply.error.issues,
          });
        }
        inFlight += 1;
        changed();
        ctx.clock.setTimeout(() => {
          // Inside a promise, so a post that throws at once is handled like one that rejects.
          void Promise.resolve()
            .then(() => config.post.send(reply.data))
            .then(
              () => {
                inFlight -= 1;
                changed();
                ctx.events.emit('carrier-pigeon.landed', { contactId, note: reply.data });
              },
              (error: unknown) => {
                inFlight -= 1;
                changed();
                ctx.logger.error('A pigeon was lost', { error, contactId });
              },
            );
        }, config.flightMs);
      },
    };
    return { api, dispose: stop };
  },
});
