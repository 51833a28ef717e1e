import { createDesk } from '@switchboard/core';
import { describe, expectTypeOf, it } from 'vitest';
import { dispositions, type DispositionRecorded, type DispositionsApi } from '../src';

describe('dispositions types', () => {
  it('types the API for the host and the events for listeners', () => {
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, plugins: [dispositions] });
    expectTypeOf(desk.plugin('dispositions')).toEqualTypeOf<DispositionsApi>();
    desk.events.on('dispositions.recorded', (event) => {
      expectTypeOf(event).toEqualTypeOf<DispositionRecorded>();
    });
  });
});
