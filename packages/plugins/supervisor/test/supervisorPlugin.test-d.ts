import type { PluginApi, SwitchboardEvents } from '@switchboard/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { AlertCleared, AlertRaised, SupervisorDeskApi } from '../src/index';
import { supervisorDesk } from '../src/index';

describe('supervisor desk types', () => {
  it('declares its API and events by declaration merging', () => {
    expectTypeOf<PluginApi<'supervisorDesk'>>().toEqualTypeOf<SupervisorDeskApi>();
    expectTypeOf<SwitchboardEvents['supervisorDesk.alertRaised']>().toEqualTypeOf<AlertRaised>();
    expectTypeOf<SwitchboardEvents['supervisorDesk.alertCleared']>().toEqualTypeOf<AlertCleared>();
    expectTypeOf(supervisorDesk.name).toEqualTypeOf<'supervisorDesk'>();
  });
});
