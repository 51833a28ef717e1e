import type { ScreenPop } from '../model/crmAdapter';

/** The screen pop of one contact: loading, ready, or failed (the desk works on without it). */
export type CrmPopState =
  | {
      /** The lookup is running. */
      readonly status: 'loading';
    }
  | {
      /** The CRM answered. */
      readonly status: 'ready';
      /** What it found. */
      readonly pop: ScreenPop;
    }
  | {
      /** The lookup failed. */
      readonly status: 'failed';
      /** Why (a `CrmError`). */
      readonly error: unknown;
    };

/** Builds {@link CrmPopState}s. */
export const popSlot = {
  loading: (): CrmPopState => ({ status: 'loading' }),
  ready: (pop: ScreenPop): CrmPopState => ({ status: 'ready', pop }),
  failed: (error: unknown): CrmPopState => ({ status: 'failed', error }),
};
