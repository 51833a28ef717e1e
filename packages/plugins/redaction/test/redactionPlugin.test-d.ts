import type { PluginApi, SwitchboardEvents } from '@switchboard/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { PciPaused, PciResumed, RedactionApi } from '../src/index';
import { redaction } from '../src/index';

describe('redaction plugin types', () => {
  it('declares its API and events by declaration merging', () => {
    expectTypeOf<PluginApi<'redaction'>>().toEqualTypeOf<RedactionApi>();
    expectTypeOf<SwitchboardEvents['pci.paused']>().toEqualTypeOf<PciPaused>();
    expectTypeOf<SwitchboardEvents['pci.resumed']>().toEqualTypeOf<PciResumed>();
    expectTypeOf(redaction.name).toEqualTypeOf<'redaction'>();
  });

  it('types the transcript port generically', () => {
    const api = {} as RedactionApi;
    expectTypeOf(
      api.redactMessage({ contactId: 'c', text: 't', from: 'customer' as const }),
    ).toEqualTypeOf<{
      contactId: string;
      text: string;
      from: 'customer';
    }>();
  });
});
