import { createContactCenter } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { fillTemplate, replyVariables } from '../src';
import { templateRoots } from '../src/fillTemplate';
import { someReplyVariables } from '../src/replyVariables';

describe('replyVariables', () => {
  const center = createContactCenter({
    createId: () => 'c1',
    queues: [{ id: 'support', name: 'Support' }],
  });
  const contact = center.openContact({
    channel: 'chat',
    queueId: 'support',
    customer: { name: 'Grace Hopper', attributes: { tier: 'gold', name: 'from CRM' } },
    attributes: { topic: 'billing', channel: 'web' },
  });

  it('lists the attributes first, then the built-in names, which win in place', () => {
    const variables = replyVariables({ contact, queueName: 'Support', extra: { wait: 2 } });
    expect(variables['wait']).toBe(2);
    const customer = variables['customer'] as Record<string, unknown>;
    expect(Object.keys(customer)).toEqual(['tier', 'name', 'id', 'firstName', 'email', 'phone']);
    expect(customer['name']).toBe('Grace Hopper');
    expect(customer['firstName']).toBe('Grace');
    const fields = variables['contact'] as Record<string, unknown>;
    expect(Object.keys(fields)).toEqual(['topic', 'channel', 'id', 'queue', 'queueId']);
    expect(fields).toMatchObject({ topic: 'billing', channel: 'chat', id: 'c1', queue: 'Support' });
  });

  it('copies the attributes: changing the variables leaves the contact as it was', () => {
    const fields = replyVariables({ contact })['contact'] as Record<string, unknown>;
    fields['topic'] = 'changed';
    expect(contact.attributes['topic']).toBe('billing');
  });

  it('keeps an own __proto__ attribute as data, never as the prototype', () => {
    const attributes = JSON.parse('{"__proto__": {"polluted": true}, "topic": "x"}') as Record<
      string,
      unknown
    >;
    const fields = replyVariables({ contact: { ...contact, attributes } })['contact'] as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.hasOwn(fields, '__proto__')).toBe(true);
    expect(fields['topic']).toBe('x');
  });

  it('builds only the names a template uses, and fills it as the full set does', () => {
    const template =
      'Hi {{customer.firstName}}, you are number {{queue.position}}{{ agent.name | "" }}';
    const roots = templateRoots(template);
    expect([...roots].sort()).toEqual(['agent', 'customer', 'queue']);
    const sources = { contact, extra: { queue: { position: 3 } } };
    const some = someReplyVariables(sources, roots);
    expect(Object.keys(some).sort()).toEqual(['agent', 'customer', 'queue']);
    expect(fillTemplate(template, some)).toEqual(fillTemplate(template, replyVariables(sources)));
    expect(fillTemplate(template, some).text).toBe('Hi Grace, you are number 3');
  });
});
