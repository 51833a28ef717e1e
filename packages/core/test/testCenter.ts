import { createContactCenter, type ContactCenterOptions } from '../src/center/contactCenter';
import { createVirtualClock } from '../src/testing/virtualClock';

/** A centre on a virtual clock starting at `start`, whose contacts are numbered `c1`, `c2`, ... */
export function createTestCenter(options: ContactCenterOptions = {}, start?: number) {
  const clock = createVirtualClock(start);
  let next = 0;
  const center = createContactCenter({ clock, createId: () => `c${++next}`, ...options });
  return { clock, center };
}
