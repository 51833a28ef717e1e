import { describe, expect, it } from 'vitest';
import { createReplyCatalogue, searchReplies } from '../src';

const catalogue = createReplyCatalogue(
  [
    {
      id: 'refund',
      title: 'Refund policy',
      body: 'Refunds reach your card within 5 days.',
      tags: ['billing'],
    },
    {
      id: 'delay',
      title: 'Delivery delayed',
      body: 'We are sorry your parcel is late; a refund of shipping follows.',
      tags: ['shipping'],
    },
    {
      id: 'thanks',
      title: 'Thanks',
      body: 'Thank you {{customer.firstName}}!',
      shortcut: '/thanks',
      tags: [],
    },
    {
      id: 'reponse',
      title: 'Réponse rapide',
      body: 'Nous revenons vers vous.',
      tags: ['français'],
      queues: ['fr'],
    },
    {
      id: 'sms-only',
      title: 'Text opt-out',
      body: 'Reply STOP to opt out.',
      channels: ['sms'],
      tags: [],
    },
  ],
  [
    {
      id: 'close',
      title: 'Close and thank',
      parts: ['delay', 'thanks'],
      separator: '\n\n',
      tags: [],
    },
  ],
);
const ids = (query: string) => searchReplies(catalogue.items, query).map((item) => item.id);

describe('searchReplies', () => {
  it('ranks title matches above tags above body text', () => {
    expect(ids('refund')).toEqual(['refund', 'delay', 'close']);
    expect(ids('shipping')).toEqual(['delay', 'close']);
  });

  it('ignores case and diacritics, both ways', () => {
    expect(ids('REPONSE')).toEqual(['reponse']);
    expect(ids('francais')).toEqual(['reponse']);
    expect(ids('réfund')).toEqual(ids('refund'));
  });

  it('puts a shortcut typed exactly first, and needs every word to match', () => {
    expect(ids('/thanks')[0]).toBe('thanks');
    expect(ids('refund card')).toEqual(['refund']);
    expect(ids('refund zebra')).toEqual([]);
    expect(ids('  ')).toHaveLength(6);
  });

  it('filters by queue and channel; a macro fits the channels all its parts fit', () => {
    const chat = catalogue.available('support', 'chat').map((item) => item.id);
    expect(chat).toEqual(['refund', 'delay', 'thanks', 'close']);
    expect(catalogue.available('fr', 'chat').map((item) => item.id)).toContain('reponse');
    expect(catalogue.available(null, 'sms').map((item) => item.id)).toContain('sms-only');
    expect(catalogue.template('close').body).toBe(
      'We are sorry your parcel is late; a refund of shipping follows.\n\nThank you {{customer.firstName}}!',
    );
  });

  it('refuses duplicate ids and macros of unknown parts', () => {
    expect(() =>
      createReplyCatalogue(
        [{ id: 'a', title: 'A', body: 'a', tags: [] }],
        [{ id: 'a', title: 'M', parts: ['a'], separator: '', tags: [] }],
      ),
    ).toThrow(/Duplicate/);
    expect(() =>
      createReplyCatalogue([], [{ id: 'm', title: 'M', parts: ['x'], separator: '', tags: [] }]),
    ).toThrow(/not a saved reply/);
  });
});
