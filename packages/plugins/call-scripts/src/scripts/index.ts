import type { Script } from '../scriptSchema';
import { accountActivation } from './accountActivation';
import { orderInquiry } from './orderInquiry';
import { passwordReset } from './passwordReset';
import { technicalSupport } from './technicalSupport';

export { accountActivation, orderInquiry, passwordReset, technicalSupport };

/** The four scripts every contact centre starts with. */
export const standardScripts: readonly Script[] = [
  accountActivation,
  passwordReset,
  orderInquiry,
  technicalSupport,
];
