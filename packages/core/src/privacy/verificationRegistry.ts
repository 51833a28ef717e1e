import * as z from 'zod/mini';
import type { Unsubscribe } from '../events/eventBus';
import { systemClock, type Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import { parseInput } from '../validation';

/** A verified customer: how, by whom and when. */
export interface Verified {
  /** Marks a verified customer. */
  readonly status: 'verified';
  /** How the customer proved who they are, e.g. `dob+postcode`, `otp`, `voiceprint`. */
  readonly method: string;
  /** Who verified them (an agent id, an IVR flow), if known. */
  readonly by: string | undefined;
  /** When they were verified, in ms since the epoch (from the injected clock). */
  readonly at: number;
}

/** Whether a contact's customer is verified; a discriminated union keyed on `status`. */
export type VerificationStatus =
  | {
      /** Marks a customer not (or no longer) verified. */
      readonly status: 'unverified';
    }
  | Verified;

/** What {@link VerificationRegistry.verify} takes. */
export interface VerifyInput {
  /** How the customer proved who they are; non-empty. */
  readonly method: string;
  /** Who verified them, if known; non-empty when given. */
  readonly by?: string;
}

/** Options of {@link createVerificationRegistry}. */
export interface VerificationRegistryOptions {
  /** Time source for `at`; the system clock by default. */
  readonly clock?: Clock;
  /** Where a throwing listener is reported; silent by default. */
  readonly logger?: Logger;
}

/**
 * The verification status of each contact's customer, observable with `getSnapshot` and
 * `subscribe`. Create one with {@link createVerificationRegistry}.
 */
export interface VerificationRegistry {
  /**
   * Marks the customer of `contactId` verified (again, replacing an earlier verification).
   *
   * @throws `SwitchboardError` `VALIDATION_FAILED` on an empty id or method.
   */
  verify(contactId: string, input: VerifyInput): Verified;
  /** Marks the customer of `contactId` unverified; does nothing if they were not verified. */
  revoke(contactId: string): void;
  /** The status of the customer of `contactId`; may be passed around unbound. */
  readonly status: (contactId: string) => VerificationStatus;
  /** Whether the customer of `contactId` is verified; pass it unbound as a guard's `isVerified`. */
  readonly isVerified: (contactId: string) => boolean;
  /** The verified contacts; an immutable map, the same object until it changes. */
  getSnapshot(): ReadonlyMap<string, Verified>;
  /** Calls `listener` after every change until the returned function is called. */
  subscribe(listener: () => void): Unsubscribe;
}

const contactIdSchema = z.string().check(z.minLength(1));
const verifyInputSchema = z.object({
  method: z.string().check(z.minLength(1)),
  by: z.optional(z.string().check(z.minLength(1))),
});
const unverified: VerificationStatus = Object.freeze({ status: 'unverified' });

/**
 * Creates a {@link VerificationRegistry}: which customers proved who they are, per contact.
 *
 * @example
 * ```ts
 * const verification = createVerificationRegistry();
 * verification.verify(contact.id, { method: 'otp', by: 'ada' });
 * verification.status(contact.id).status; // 'verified'
 * ```
 */
export function createVerificationRegistry(
  options: VerificationRegistryOptions = {},
): VerificationRegistry {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  let snapshot: ReadonlyMap<string, Verified> = new Map();
  const listeners = new Set<() => void>();

  const commit = (next: Map<string, Verified>) => {
    snapshot = next;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        logger.error('A verification listener threw', { error });
      }
    }
  };

  return Object.freeze({
    verify(contactId: string, input: VerifyInput): Verified {
      const id = parseInput(contactIdSchema, contactId, 'contact id');
      const { method, by } = parseInput(verifyInputSchema, input, 'verification');
      const verified: Verified = Object.freeze({ status: 'verified', method, by, at: clock.now() });
      commit(new Map(snapshot).set(id, verified));
      return verified;
    },
    revoke(contactId: string) {
      if (!snapshot.has(contactId)) return;
      const next = new Map(snapshot);
      next.delete(contactId);
      commit(next);
    },
    status: (contactId: string) => snapshot.get(contactId) ?? unverified,
    isVerified: (contactId: string) => snapshot.has(contactId),
    getSnapshot: () => snapshot,
    subscribe(listener: () => void): Unsubscribe {
      const own = () => {
        listener();
      };
      listeners.add(own);
      return () => {
        listeners.delete(own);
      };
    },
  });
}
