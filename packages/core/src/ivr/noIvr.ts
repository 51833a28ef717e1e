import type { IvrRunner } from './ivrRunner';
import { notInIvr, unknownIvrMenu } from './ivrErrors';

/**
 * The IVR of a centre without menus (a desk's embedded centre): it behaves as a runner with an
 * empty menu list, without the menu schema and runner in the bundle.
 */
export function noIvr(): IvrRunner {
  return {
    start(_contactId, menuId) {
      throw unknownIvrMenu(menuId);
    },
    answer(contactId) {
      throw notInIvr(contactId);
    },
    forget: () => undefined,
    clear: () => undefined,
  };
}
