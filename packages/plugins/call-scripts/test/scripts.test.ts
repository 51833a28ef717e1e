import { isSwitchboardError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import {
  createScriptRunner,
  defineScript,
  orderInquiry,
  passwordReset,
  standardScripts,
  technicalSupport,
  accountActivation,
  type ScriptFacts,
} from '../src';

const facts = (customer: Record<string, unknown> = {}): ScriptFacts => ({
  contact: {
    id: 'c1',
    channel: 'voice',
    direction: 'inbound',
    queueId: 'default',
    priority: 0,
    attributes: {},
  },
  customer: { attributes: customer },
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return isSwitchboardError(error) ? error.code : 'other';
  }
  return 'none';
};

describe('defineScript', () => {
  it('refuses duplicate step ids and branches to unknown steps', () => {
    expect(
      refusal(() =>
        defineScript({
          id: 's',
          name: 'S',
          steps: [
            { id: 'a', title: 'A', prompt: 'a' },
            { id: 'a', title: 'A again', prompt: 'a' },
          ],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      refusal(() =>
        defineScript({
          id: 's',
          name: 'S',
          steps: [{ id: 'a', title: 'A', prompt: 'a', next: 'nowhere' }],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      refusal(() =>
        defineScript({ id: 's', name: 'S', steps: [{ id: 'end', title: 'E', prompt: 'e' }] }),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('ships four standard scripts, each with required steps', () => {
    expect(standardScripts.map((script) => script.id)).toEqual([
      'accountActivation',
      'passwordReset',
      'orderInquiry',
      'technicalSupport',
    ]);
    for (const script of standardScripts) {
      expect(script.steps.some((step) => step.required)).toBe(true);
      expect(script.steps.some((step) => step.branches.length > 0)).toBe(true);
    }
  });
});

describe('the standard scripts', () => {
  it('password reset by SMS: the email branch is no longer required once SMS is chosen', () => {
    const runner = createScriptRunner(passwordReset, facts());
    expect(runner.getSnapshot().outstanding.map((step) => step.id)).toEqual([
      'verifyIdentity',
      'unlock',
      'sendLink',
      'sendSms',
      'confirmLogin',
    ]);
    runner.answer('passed');
    runner.answer(false); // not locked: unlock is skipped
    runner.answer('sms');
    expect(runner.getSnapshot().step?.id).toBe('sendSms');
    expect(runner.getSnapshot().outstanding.map((step) => step.id)).toEqual([
      'sendSms',
      'confirmLogin',
    ]);
    runner.answer();
    runner.answer(true);
    const done = runner.getSnapshot();
    expect(done.finished).toBe(true);
    expect(done.blocker).toBeNull();
    expect(done.path.map((entry) => entry.stepId)).toEqual([
      'verifyIdentity',
      'locked',
      'resetMethod',
      'sendSms',
      'confirmLogin',
    ]);
  });

  it('a failed security check ends the password reset with nothing required', () => {
    const runner = createScriptRunner(passwordReset, facts());
    runner.answer('failed');
    expect(runner.getSnapshot().step?.id).toBe('selfService');
    expect(runner.getSnapshot().blocker).toBeNull();
  });

  it('order inquiry branches on the customer tier and checks the order number', () => {
    const gold = createScriptRunner(orderInquiry, facts({ tier: 'gold' }));
    expect(refusal(() => gold.answer('12345'))).toBe('VALIDATION_FAILED');
    expect(gold.getSnapshot().path).toEqual([]);
    gold.answer('ORD-12345');
    gold.answer(true);
    gold.answer('status');
    gold.answer(true); // late
    expect(gold.getSnapshot().step?.id).toBe('priorityCompensation');

    const standard = createScriptRunner(orderInquiry, facts({ tier: 'silver' }));
    standard.answer('ORD-12345');
    standard.answer(true);
    standard.answer('status');
    standard.answer(true);
    expect(standard.getSnapshot().step?.id).toBe('compensation');
    expect(standard.getSnapshot().blocker).toMatch(/Summary/);
  });

  it('technical support loops through the line test for internet faults', () => {
    const runner = createScriptRunner(technicalSupport, facts());
    runner.answer(true); // verified
    runner.answer(false); // no outage
    runner.answer('internet');
    runner.answer(); // restarted
    runner.answer('red');
    expect(runner.getSnapshot().step?.id).toBe('lineTest');
    runner.answer(true);
    expect(runner.getSnapshot().step?.id).toBe('fixed');
    runner.answer(false); // still broken: internet goes back to the line test
    expect(runner.getSnapshot().step?.id).toBe('lineTest');
    runner.answer(false);
    expect(runner.getSnapshot().step?.id).toBe('bookEngineer');
    expect(runner.getSnapshot().outstanding.map((step) => step.id)).toEqual(['bookEngineer']);
  });

  it('account activation resends an expired code and can go back', () => {
    const runner = createScriptRunner(accountActivation, facts());
    runner.answer();
    runner.answer(true);
    runner.answer(false);
    expect(refusal(() => runner.answer('not an email'))).toBe('VALIDATION_FAILED');
    runner.answer('grace@example.com');
    runner.answer();
    runner.answer('expired');
    expect(runner.getSnapshot().step?.id).toBe('sendCode');
    const back = runner.back();
    expect(back.step?.id).toBe('codeReceived');
    expect(back.answers.codeReceived).toBeUndefined();
    runner.answer('received');
    runner.answer();
    expect(runner.getSnapshot().blocker).toBeNull();
    expect(runner.getSnapshot().finished).toBe(false);
  });

  it('refuses going back at the first step and answering after the end', () => {
    const runner = createScriptRunner(passwordReset, facts());
    expect(refusal(() => runner.back())).toBe('INVALID_TRANSITION');
    runner.answer('failed');
    runner.answer();
    expect(runner.getSnapshot().finished).toBe(true);
    expect(refusal(() => runner.answer())).toBe('INVALID_TRANSITION');
  });

  it('a finished policy blocks until the end; a free one never does', () => {
    const steps = [
      { id: 'a', title: 'A', prompt: 'a' },
      { id: 'b', title: 'B', prompt: 'b' },
    ];
    const finished = createScriptRunner(
      defineScript({ id: 'f', name: 'F', completion: 'finished', steps }),
      facts(),
    );
    expect(finished.getSnapshot().blocker).toMatch(/not finished/);
    finished.answer();
    finished.answer();
    expect(finished.getSnapshot().blocker).toBeNull();
    const free = defineScript({ id: 'g', name: 'G', completion: 'free', steps });
    expect(createScriptRunner(free, facts()).getSnapshot().blocker).toBeNull();
  });
});
