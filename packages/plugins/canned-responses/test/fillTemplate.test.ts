import { describe, expect, it } from 'vitest';
import { fillTemplate, templateVariables } from '../src';

describe('fillTemplate', () => {
  const variables = {
    customer: { name: 'Grace Hopper', firstName: 'Grace', vip: true, orders: 3, blank: '  ' },
    agent: { name: 'Ada' },
  };

  it('fills strings, numbers and booleans, with or without spaces', () => {
    expect(
      fillTemplate(
        'Hi {{customer.firstName}}, {{ agent.name }} here ({{customer.orders}}, {{customer.vip}}).',
        variables,
      ),
    ).toEqual({ text: 'Hi Grace, Ada here (3, true).', missing: [] });
  });

  it('reports missing variables once and leaves them in the text', () => {
    expect(
      fillTemplate('{{customer.email}} / {{contact.queue}} / {{customer.email}}', variables),
    ).toEqual({
      text: '{{customer.email}} / {{contact.queue}} / {{customer.email}}',
      missing: ['customer.email', 'contact.queue'],
    });
    // Blank text counts as missing: nothing goes out blank.
    expect(fillTemplate('[{{customer.blank}}]', variables).missing).toEqual(['customer.blank']);
  });

  it('uses a fallback only when the value is missing', () => {
    expect(
      fillTemplate(
        'Hi {{customer.nickname | "there"}}, {{customer.firstName | "there"}}',
        variables,
      ),
    ).toEqual({
      text: 'Hi there, Grace',
      missing: [],
    });
  });

  it('evaluates nothing and reads no prototype', () => {
    const sneaky = { customer: Object.create({ inherited: 'x' }) as object };
    expect(
      fillTemplate('{{customer.inherited}}{{constructor}}{{customer.toString}}', sneaky).missing,
    ).toEqual(['customer.inherited', 'constructor', 'customer.toString']);
    // Not variables at all: left exactly as written.
    const odd = '{{ 1 + 1 }} {{alert(1)}} {{customer.name | fallback}} {customer.name}';
    expect(fillTemplate(odd, variables)).toEqual({ text: odd, missing: [] });
    expect(fillTemplate('{{customer}}', variables).missing).toEqual(['customer']); // an object
  });

  it('lists the variables a template uses', () => {
    expect(templateVariables('{{a.b}} {{ c | "d" }} {{a.b}}')).toEqual(['a.b', 'c']);
  });
});
