import { ivrMenuSchema, type IvrMenuInput } from '../ivr/ivrMenu';
import { createIvrRunner, type IvrHost, type IvrRunner } from '../ivr/ivrRunner';
import type { QueueId } from '../model/ids';
import type { Queue } from '../model/queue';
import { parseInput } from '../validation';

/**
 * How a centre builds its IVR: `createContactCenter` validates and runs the menus it is given,
 * a desk's embedded centre (which has none) passes `noIvr` so the menu schema and runner
 * stay out of its bundle.
 */
export type IvrFactory = (menus: readonly IvrMenuInput[], host: CenterIvrHost) => IvrRunner;

/** What a centre lends its IVR: the runner's host, plus a queue lookup to check routes with. */
export interface CenterIvrHost extends IvrHost {
  /** Throws `NOT_FOUND` for an unknown queue. */
  readonly queueOf: (queueId: QueueId) => Queue;
}

/** Validates the menus (every route to a known queue) and runs them. */
export function createIvrFromMenus(menus: readonly IvrMenuInput[], host: CenterIvrHost): IvrRunner {
  return createIvrRunner(
    new Map(
      menus.map((input) => {
        const menu = parseInput(ivrMenuSchema, input, 'IVR menu');
        const routes = [
          menu.fallback,
          ...Object.values(menu.nodes).flatMap((node) =>
            node.options.flatMap((option) => option.route ?? []),
          ),
        ];
        for (const route of routes) host.queueOf(route.queueId);
        return [menu.id, menu] as const;
      }),
    ),
    host,
  );
}
