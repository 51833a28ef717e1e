import { parseInput } from '@switchboard/core';
import { scriptSchema, type Script, type ScriptInput } from './scriptSchema';

/**
 * Declares a {@link Script}: validates it (unique step ids, every branch leads to a step or
 * `end`) and returns it with defaults applied, frozen.
 *
 * @example
 * ```ts
 * const refund = defineScript({
 *   id: 'refund',
 *   name: 'Refund',
 *   steps: [
 *     { id: 'verify', title: 'Verify', prompt: 'Confirm the order number.', input: { kind: 'text' }, required: true },
 *     { id: 'done', title: 'Close', prompt: 'Tell the customer when the refund lands.' },
 *   ],
 * });
 * ```
 * @throws `SwitchboardError` `VALIDATION_FAILED` with the problems as `issues`.
 */
export function defineScript(input: ScriptInput): Script {
  return Object.freeze(
    parseInput(scriptSchema, input, `script "${String((input as { id?: unknown }).id)}"`),
  );
}
