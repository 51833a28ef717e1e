import { createDesk } from '@switchboard/core';
import { describe, expectTypeOf, it } from 'vitest';
import { cannedResponses, type CannedResponseSent, type CannedResponsesApi } from '../src';

describe('cannedResponses types', () => {
  it('types the API for the host and the events for listeners', () => {
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, plugins: [cannedResponses] });
    expectTypeOf(desk.plugin('cannedResponses')).toEqualTypeOf<CannedResponsesApi>();
    desk.events.on('cannedResponses.sent', (event) => {
      expectTypeOf(event).toEqualTypeOf<CannedResponseSent>();
    });
  });
});
