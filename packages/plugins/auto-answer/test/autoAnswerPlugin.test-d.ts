import type { PluginApi, SwitchboardEvents } from '@switchboard/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { AutoAccepted, AutoAnswerApi, WhisperTone } from '../src/index';
import { autoAnswer } from '../src/index';

describe('auto-answer types', () => {
  it('declares its API and events by declaration merging', () => {
    expectTypeOf<PluginApi<'autoAnswer'>>().toEqualTypeOf<AutoAnswerApi>();
    expectTypeOf<SwitchboardEvents['autoAnswer.accepted']>().toEqualTypeOf<AutoAccepted>();
    expectTypeOf<SwitchboardEvents['autoAnswer.whisperTone']>().toEqualTypeOf<WhisperTone>();
    expectTypeOf(autoAnswer.name).toEqualTypeOf<'autoAnswer'>();
  });
});
