import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../ports/logger';
import { createReportingBus } from './reportingBus';

describe('createReportingBus', () => {
  it('reports a listener of every event that throws once, without looping on plugin.failed', () => {
    const logger = { ...silentLogger, error: vi.fn() };
    const bus = createReportingBus(logger, 'desk');
    const failures: unknown[] = [];
    bus.on('plugin.failed', ({ error }) => failures.push(error));
    const boom = new Error('boom');
    bus.onAny(() => {
      throw boom;
    });
    expect(() => {
      bus.emit('plugin.ready', { plugin: 'notes' });
    }).not.toThrow();
    expect(failures).toEqual([boom]);
    // Logged for the event and for its plugin.failed, which is not reported again.
    expect(logger.error).toHaveBeenCalledTimes(2);
    expect(logger.error).toHaveBeenCalledWith('A desk listener of * threw', { error: boom });
  });
});
