import * as z from 'zod/mini';
import { classificationSchema } from '../contact/contactCommands';
import { queueIdSchema } from '../model/ids';

/** Validates an {@link IvrRoute}: where a finished menu sends the contact. */
export const ivrRouteSchema = z.object({
  /** The queue to wait in. */
  queueId: queueIdSchema,
  /** What the caller's choices say about the contact (priority, skills, attributes). */
  classification: z.optional(classificationSchema),
});
/** Where a finished menu sends the contact, and what it learnt. */
export type IvrRoute = z.infer<typeof ivrRouteSchema>;

/** Validates an {@link IvrOption}. */
export const ivrOptionSchema = z
  .object({
    /** What the customer presses or picks: a DTMF digit (`0`-`9`, `*`, `#`) or a chat choice id. */
    key: z
      .string()
      .check(z.regex(/^[0-9*#]$|^[a-z][a-z0-9-]*$/, 'Use a DTMF digit or a lower-case id.')),
    /** What the option says, e.g. `Billing`. */
    label: z.string().check(z.minLength(1)),
    /** The node to go to next. */
    goTo: z.optional(z.string().check(z.minLength(1))),
    /** Or the route that ends the menu. */
    route: z.optional(ivrRouteSchema),
  })
  .check(
    z.refine((option) => (option.goTo === undefined) !== (option.route === undefined), {
      message: 'An option either goes to a node or routes, not both.',
    }),
  );
/** One choice of an IVR node. */
export type IvrOption = z.infer<typeof ivrOptionSchema>;

/** Validates an {@link IvrNode}. */
export const ivrNodeSchema = z.object({
  /** What the customer hears or reads. */
  prompt: z.string().check(z.minLength(1)),
  /** The choices; keys unique within the node. */
  options: z.array(ivrOptionSchema).check(
    z.minLength(1),
    z.refine((options) => new Set(options.map((option) => option.key)).size === options.length, {
      message: 'Option keys must be unique within a node.',
    }),
  ),
});
/** One prompt of an IVR menu with its choices. */
export type IvrNode = z.infer<typeof ivrNodeSchema>;

/** Validates an {@link IvrMenu}. */
export const ivrMenuSchema = z
  .object({
    /** Unique id of the menu. */
    id: z.string().check(z.minLength(1)),
    /** The node the menu starts at. */
    start: z.string().check(z.minLength(1)),
    /** Nodes by id. */
    nodes: z.record(z.string(), ivrNodeSchema),
    /** How long a node waits for input before it counts as a wrong answer, in ms. Default 10 s. */
    timeoutMs: z._default(z.number().check(z.positive()), 10_000),
    /** Wrong or missing answers allowed per node before the fallback applies. Default 3. */
    maxAttempts: z._default(z.int().check(z.positive()), 3),
    /** Where the contact goes when the customer cannot finish the menu. */
    fallback: ivrRouteSchema,
  })
  .check(
    z.refine((menu) => menu.start in menu.nodes, {
      message: 'The start node does not exist.',
      path: ['start'],
    }),
    z.refine(
      (menu) =>
        Object.values(menu.nodes).every((node) =>
          node.options.every((option) => option.goTo === undefined || option.goTo in menu.nodes),
        ),
      { message: 'An option goes to a node that does not exist.', path: ['nodes'] },
    ),
  );
/** A headless IVR menu: a tree of prompts whose answers classify a contact before it queues. */
export type IvrMenu = z.infer<typeof ivrMenuSchema>;
/** An IVR menu as a host writes it (defaults not yet applied). */
export type IvrMenuInput = z.input<typeof ivrMenuSchema>;

/**
 * Declares an IVR menu (typed; validated when the centre loads it). Channels render the prompts:
 * the softphone plays them and collects DTMF digits, a chat plugin shows buttons.
 *
 * @example
 * ```ts
 * const main = defineIvrMenu({
 *   id: 'main',
 *   start: 'root',
 *   nodes: {
 *     root: {
 *       prompt: 'For billing press 1, for support press 2.',
 *       options: [
 *         { key: '1', label: 'Billing', route: { queueId: 'billing' } },
 *         { key: '2', label: 'Support', route: { queueId: 'support' } },
 *       ],
 *     },
 *   },
 *   fallback: { queueId: 'support' },
 * });
 * ```
 */
export function defineIvrMenu(menu: IvrMenuInput): IvrMenuInput {
  return menu;
}
