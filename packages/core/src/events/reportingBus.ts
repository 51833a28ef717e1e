import type { Logger } from '../ports/logger';
import { createEventBus, type EventBus } from './eventBus';
import type { SwitchboardEvents } from './eventMap';

/**
 * A {@link SwitchboardEvents} bus for a desk or centre: a listener that throws is logged and
 * reported as `plugin.failed`, except while `plugin.failed` itself is delivered, to avoid loops
 * (an `onAny` listener's throw comes as `*`, so the event's name alone cannot tell).
 *
 * @internal
 */
export function createReportingBus(logger: Logger, owner: string): EventBus<SwitchboardEvents> {
  let delivering = false;
  const bus = createEventBus<SwitchboardEvents>((error, event) => {
    logger.error(`A ${owner} listener of ${event} threw`, { error });
    if (delivering || event === 'plugin.failed') return;
    delivering = true;
    try {
      bus.emit('plugin.failed', { plugin: 'listener', phase: 'listener', error, disabled: false });
    } finally {
      delivering = false;
    }
  });
  return bus;
}
