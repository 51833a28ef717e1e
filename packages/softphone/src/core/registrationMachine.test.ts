import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  nextRegistration,
  type RegistrationEvent,
  type RegistrationFailure,
  type RegistrationState,
} from './registrationMachine';

const failure = fc.constantFrom<RegistrationFailure>(
  'unauthorized',
  'credentials',
  'rejected',
  'transport',
);
const event: fc.Arbitrary<RegistrationEvent> = fc.oneof(
  fc.constant({ type: 'start' as const }),
  fc.nat().map((at) => ({ type: 'accepted' as const, at })),
  fc
    .tuple(failure, fc.option(fc.integer({ min: 400, max: 699 })))
    .map(([reason, statusCode]) => ({ type: 'refused' as const, reason, statusCode })),
  fc.nat().map((at) => ({ type: 'connectionLost' as const, at })),
  fc.constant({ type: 'retrying' as const }),
  fc.constant({ type: 'stop' as const }),
);

function run(events: readonly RegistrationEvent[]): RegistrationState[] {
  const states: RegistrationState[] = [{ status: 'unregistered' }];
  for (const next of events) {
    const current = states[states.length - 1]!;
    states.push(nextRegistration(current, next) ?? current);
  }
  return states;
}

describe('registration machine', () => {
  it('follows register, drop, reconnect, register', () => {
    const states = run([
      { type: 'start' },
      { type: 'accepted', at: 1 },
      { type: 'connectionLost', at: 2 },
      { type: 'retrying' },
      { type: 'accepted', at: 3 },
    ]);
    expect(states.map((state) => state.status)).toEqual([
      'unregistered',
      'registering',
      'registered',
      'reconnecting',
      'reconnecting',
      'registered',
    ]);
    expect(states[4]).toEqual({ status: 'reconnecting', since: 2, attempt: 2 });
  });

  it('keeps reconnecting through transient refusals but fails on bad credentials', () => {
    const reconnecting: RegistrationState = { status: 'reconnecting', since: 0, attempt: 3 };
    expect(
      nextRegistration(reconnecting, { type: 'refused', reason: 'rejected', statusCode: 503 }),
    ).toBe(reconnecting);
    expect(
      nextRegistration(reconnecting, { type: 'refused', reason: 'unauthorized', statusCode: 401 }),
    ).toEqual({ status: 'failed', reason: 'unauthorized', statusCode: 401 });
  });

  test.prop([fc.array(event, { maxLength: 40 })])(
    'stop always unregisters; failed is only reached by a refusal; attempts only grow while reconnecting',
    (events) => {
      const states = run(events);
      events.forEach((current, index) => {
        const before = states[index]!;
        const after = states[index + 1]!;
        if (current.type === 'stop') expect(after).toEqual({ status: 'unregistered' });
        if (after.status === 'failed' && before.status !== 'failed') {
          expect(current.type).toBe('refused');
        }
        if (before.status === 'reconnecting' && after.status === 'reconnecting') {
          expect(after.attempt).toBeGreaterThanOrEqual(before.attempt);
          expect(after.since).toBe(before.since);
        }
        if (after.status === 'registered' && before.status !== 'registered') {
          expect(['registering', 'reconnecting']).toContain(before.status);
        }
      });
    },
  );
});
