import { describe, expect, it } from 'vitest';
import { createDesk } from '../desk/createDesk';
import { recordEvents } from './recordEvents';
import { createVirtualClock } from './virtualClock';

describe('recordEvents', () => {
  it('records names and typed payloads until stopped', async () => {
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, clock: createVirtualClock() });
    const recorder = recordEvents(desk.events);
    await desk.login();
    desk.center.openContact({ channel: 'email', queueId: 'default' });
    expect(recorder.names()).toEqual(['agent.statusChanged', 'contact.offered']);
    expect(recorder.of('contact.offered')[0]?.agentId).toBe('ada');
    recorder.clear();
    expect(recorder.names()).toEqual([]);
    recorder.stop();
    await desk.setStatus({ status: 'notReady', reason: 'break' });
    expect(recorder.names()).toEqual([]);
  });
});
