import type { ActionPayload, PluginApi, SwitchboardEvents } from '@switchboard/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { CsatApi, SurveyAnswer, SurveyAnswered } from '../src/index';
import { csat } from '../src/index';

describe('csat plugin types', () => {
  it('declares its API, events and action by declaration merging', () => {
    expectTypeOf<PluginApi<'csat'>>().toEqualTypeOf<CsatApi>();
    expectTypeOf<SwitchboardEvents['csat.answered']>().toEqualTypeOf<SurveyAnswered>();
    expectTypeOf<ActionPayload<'csat.answer'>>().toEqualTypeOf<SurveyAnswer>();
    expectTypeOf(csat.name).toEqualTypeOf<'csat'>();
  });
});
