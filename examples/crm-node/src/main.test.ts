import { expect, it } from 'vitest';
import { runCrmExample } from './main';

it('pops the caller, logs the call with its disposition, and delivers every write', async () => {
  const lines: string[] = [];
  await runCrmExample((line) => lines.push(line));
  expect(lines).toContain('screen pop: Grace Hopper (+442079460018)');
  expect(lines).toContain('call logged: 240 s, disposition resolved');
  expect(lines).toContain('tickets: 1, notes: 1');
  expect(lines.at(-1)).toContain('"pending":0');
});
