import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SwitchboardError } from '../errors';
import { defineAction } from './defineAction';
import { actionPermission, domainOf } from './permission';

describe('defineAction', () => {
  it('returns a frozen copy of a well-formed definition', () => {
    const definition = defineAction({
      name: 'contact.accept',
      schema: z.object({ contactId: z.string() }),
      roles: ['agent'],
      permission: 'contact:write',
      run: ({ contactId }) => contactId,
    });
    expect(definition.name).toBe('contact.accept');
    expect(Object.isFrozen(definition)).toBe(true);
  });

  it.each([
    ['an empty name', { name: '' }, ['name']],
    ['a name with spaces', { name: 'a b' }, ['name']],
    ['a schema without safeParse', { schema: {} }, ['schema']],
    ['a null schema', { schema: null }, ['schema']],
    ['an empty roles list', { roles: [] }, ['roles']],
    ['an unknown role', { roles: ['boss'] }, ['roles', 0]],
    ['a malformed permission', { permission: 'contact' }, ['permission']],
    ['a missing run', { run: undefined }, ['run']],
  ])('rejects %s with VALIDATION_FAILED and an issue at its path', (_label, patch, path) => {
    const definition = { name: 'x.y', schema: z.unknown(), run: () => 1, ...patch };
    let caught: unknown;
    try {
      defineAction(definition as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SwitchboardError);
    expect((caught as SwitchboardError).code).toBe('VALIDATION_FAILED');
    expect((caught as SwitchboardError).issues.map((issue) => issue.path)).toEqual([path]);
  });
});

describe('action permissions', () => {
  it('derive <domain>:write unless the action declares one', () => {
    expect(domainOf('contact.transfer.blind')).toBe('contact');
    expect(domainOf('ping')).toBe('ping');
    expect(actionPermission('contact.transfer')).toBe('contact:write');
    expect(actionPermission('contact.transfer', 'contact:read')).toBe('contact:read');
  });
});
