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
// `stop` is rare and `start` common so that runs spend their time registered and reconnecting,
// not idle: with uniform events most steps were refused by an unregistered machine.
const event: fc.Arbitrary<RegistrationEvent> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ type: 'start' as const }) },
  { weight: 3, arbitrary: fc.nat().map((at) => ({ type: 'accepted' as const, at })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(failure, fc.option(fc.integer({ min: 400, max: 699 })))
      .map(([reason, statusCode]) => ({ type: 'refused' as const, reason, statusCode })),
  },
  { weight: 3, arbitrary: fc.nat().map((at) => ({ type: 'connectionLost' as const, at })) },
  { weight: 3, arbitrary: fc.constant({ type: 'retrying' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'stop' as const }) },
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

  test.prop([fc.array(event, { minLength: 10, maxLength: 60 })])(
    'stop always unregisters; failed is only reached by a refusal, and while reconnecting only by a final one; each retry counts one attempt',
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
          expect(after.attempt).toBe(before.attempt + (current.type === 'retrying' ? 1 : 0));
          expect(after.since).toBe(before.since);
        }
        if (before.status === 'reconnecting' && current.type === 'refused') {
          const final = current.reason === 'unauthorized' || current.reason === 'credentials';
          expect(after.status).toBe(final ? 'failed' : 'reconnecting');
        }
        if (after.status === 'registered' && before.status !== 'registered') {
          expect(['registering', 'reconnecting']).toContain(before.status);
        }
      });
    },
  );
});
