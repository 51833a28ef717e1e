import { describe, expect, it } from 'vitest';
import { isSwitchboardError } from '../errors';
import { createTestCenter } from '../../test/testCenter';
import { defineIvrMenu, type IvrMenuInput } from './ivrMenu';

const menu = defineIvrMenu({
  id: 'main',
  start: 'root',
  nodes: {
    root: {
      prompt: 'For billing press 1, for support press 2.',
      options: [
        { key: '1', label: 'Billing', goTo: 'language' },
        { key: '2', label: 'Support', route: { queueId: 'support' } },
      ],
    },
    language: {
      prompt: 'For English press 1, para español oprima 2.',
      options: [
        { key: '1', label: 'English', route: { queueId: 'billing' } },
        {
          key: '2',
          label: 'Español',
          route: {
            queueId: 'billing',
            classification: {
              priority: 4,
              requiredSkills: [{ skill: 'spanish', minProficiency: 5 }],
              attributes: { language: 'es' },
            },
          },
        },
      ],
    },
  },
  timeoutMs: 5_000,
  maxAttempts: 2,
  fallback: { queueId: 'support', classification: { attributes: { ivrFailed: true } } },
});

function setup(menus: IvrMenuInput[] = [menu]) {
  const { clock, center } = createTestCenter({
    queues: [
      { id: 'billing', name: 'Billing' },
      { id: 'support', name: 'Support' },
    ],
    ivrMenus: menus,
  });
  const prompts: string[] = [];
  center.events.on('ivr.prompted', (prompt) => prompts.push(`${prompt.nodeId}#${prompt.attempt}`));
  const call = center.openContact({ channel: 'voice' });
  return { clock, center, prompts, call };
}

describe('IVR menus', () => {
  it('walks the tree by DTMF and queues the contact with what the answers said', () => {
    const { center, prompts, call } = setup();
    const first = center.startIvr(call.id, 'main');
    expect(first.options.map((option) => option.key)).toEqual(['1', '2']);
    expect(center.getSnapshot().contacts.get(call.id)?.status).toBe('inIvr');
    expect(center.answerIvr(call.id, '1')?.nodeId).toBe('language');
    expect(center.answerIvr(call.id, '2')).toBeNull();
    expect(center.getSnapshot().contacts.get(call.id)).toMatchObject({
      status: 'queued',
      queueId: 'billing',
      priority: 4,
      requiredSkills: [{ skill: 'spanish', minProficiency: 5 }],
      attributes: { language: 'es', ivrPath: ['1', '2'] },
    });
    expect(prompts).toEqual(['root#1', 'language#1']);
  });

  it('asks again after a wrong key or silence, then falls back', () => {
    const { center, clock, prompts, call } = setup();
    center.startIvr(call.id, 'main');
    expect(center.answerIvr(call.id, '9')?.attempt).toBe(2);
    clock.advance(5_000);
    expect(prompts).toEqual(['root#1', 'root#2']);
    expect(center.getSnapshot().contacts.get(call.id)).toMatchObject({
      status: 'queued',
      queueId: 'support',
      attributes: { ivrFailed: true, ivrPath: [] },
    });
    expect(clock.pending()).toBe(0);
  });

  it('stops prompting when the customer hangs up in the menu', () => {
    const { center, clock, call } = setup();
    center.startIvr(call.id, 'main');
    center.contactCommand(call.id, { type: 'abandon' });
    expect(clock.pending()).toBe(0);
    expect(() => center.answerIvr(call.id, '1')).toThrow(/in no IVR menu/);
  });

  it('refuses menus that cannot work, and unknown menus', () => {
    const broken = (changes: Partial<IvrMenuInput>) => () => setup([{ ...menu, ...changes }]);
    for (const attempt of [
      broken({ start: 'nowhere' }),
      broken({
        nodes: { root: { prompt: 'x', options: [{ key: '1', label: 'x', goTo: 'gone' }] } },
        start: 'root',
      }),
      broken({
        nodes: { root: { prompt: 'x', options: [{ key: '1', label: 'x' }] } },
        start: 'root',
      }),
    ]) {
      expect(attempt).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
    expect(() => setup([{ ...menu, fallback: { queueId: 'mars' } }])).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    const { center, call } = setup();
    try {
      center.startIvr(call.id, 'other');
      expect.unreachable();
    } catch (error) {
      expect(isSwitchboardError(error, 'NOT_FOUND')).toBe(true);
    }
  });
});
