import { SwitchboardError } from '@switchboard/core';
import type { ScriptStep } from './scriptSchema';

/** A recorded answer: `true` for an acknowledged info step, a boolean, an option, text or a number. */
export type Answer = string | number | boolean;

const refuse = (step: ScriptStep, message: string): never => {
  throw new SwitchboardError('VALIDATION_FAILED', `Step "${step.id}": ${message}`, {
    issues: [{ path: ['answer'], message }],
    details: { stepId: step.id },
  });
};

/**
 * Checks `value` against what `step` asks for and returns the answer to record.
 *
 * @throws `SwitchboardError` `VALIDATION_FAILED` when the value does not fit the step.
 */
export function checkAnswer(step: ScriptStep, value: unknown): Answer {
  const input = step.input;
  switch (input.kind) {
    case 'info':
      return true;
    case 'confirm':
      return typeof value === 'boolean' ? value : refuse(step, 'expected yes (true) or no (false)');
    case 'choice':
      return typeof value === 'string' && input.options.some((option) => option.value === value)
        ? value
        : refuse(step, `expected one of ${input.options.map((option) => option.value).join(', ')}`);
    case 'text': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text.length === 0) return refuse(step, 'expected some text');
      if (text.length > input.maxLength)
        return refuse(step, `expected at most ${input.maxLength} characters`);
      if (input.pattern !== undefined && !new RegExp(input.pattern, 'u').test(text)) {
        return refuse(step, `expected text matching ${input.pattern}`);
      }
      return text;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return refuse(step, 'expected a number');
      if (input.min !== undefined && value < input.min)
        return refuse(step, `expected at least ${input.min}`);
      if (input.max !== undefined && value > input.max)
        return refuse(step, `expected at most ${input.max}`);
      return value;
    }
  }
}
