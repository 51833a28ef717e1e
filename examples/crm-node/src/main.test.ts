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

it('picks the CRM named in the environment', async () => {
  const { chooseCrm } = await import('./chooseCrm');
  const { createMemoryCrm } = await import('@switchboard/crm-adapters');
  const memory = createMemoryCrm();
  expect(chooseCrm({}, () => memory)).toBe(memory);
  const dynamics = chooseCrm(
    { CRM: 'dynamics', CRM_URL: 'https://acme.crm.dynamics.com/api/data/v9.2', CRM_TOKEN: 't' },
    () => memory,
  );
  expect(dynamics.id).toBe('dynamics');
  const freshdesk = chooseCrm(
    { CRM: 'freshdesk', CRM_URL: 'https://acme.freshdesk.com' },
    () => memory,
  );
  expect(freshdesk.id).toBe('freshdesk');
  expect(() => chooseCrm({ CRM: 'nope' }, () => memory)).toThrow(/CRM_URL/);
});
