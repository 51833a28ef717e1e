import { createDesk } from '@switchboard/core';
import { describe, expectTypeOf, it } from 'vitest';
import { callScripts, type CallScriptsApi, type ScriptStepAnswered } from '../src';

describe('callScripts types', () => {
  it('types the API for the host and the events for listeners', () => {
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, plugins: [callScripts] });
    expectTypeOf(desk.plugin('callScripts')).toEqualTypeOf<CallScriptsApi>();
    desk.events.on('callScripts.stepAnswered', (event) => {
      expectTypeOf(event).toEqualTypeOf<ScriptStepAnswered>();
    });
  });
});
