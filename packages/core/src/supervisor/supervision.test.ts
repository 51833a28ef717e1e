import { describe, expect, it } from 'vitest';
import { isSwitchboardError } from '../errors';
import type { Contact } from '../model/contact';
import type { AgentId, QueueId } from '../model/ids';
import { queuedVoiceContact } from '../../test/routerStates';
import { evaluationOf, monitorRequestFor } from './supervision';

const sue = 'sue' as AgentId;
const ada = 'ada' as AgentId;
const waiting = queuedVoiceContact('c1', 'support' as QueueId, 1_000, 0, []);
const talking: Contact = { ...waiting, status: 'connected', agentId: ada, since: 2_000 };
const scorecard = [
  { criterion: 'greeting', score: 4, max: 5 },
  { criterion: 'resolution', score: 2, max: 5 },
];

const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('monitorRequestFor', () => {
  it('joins a contact in conversation, naming its agent', () => {
    for (const status of ['connected', 'onHold', 'inConsult', 'conferenced'] as const) {
      const contact = { ...talking, status } as Contact;
      expect(monitorRequestFor(contact, sue, 'whisper', 3_000)).toEqual({
        supervisorId: sue,
        agentId: ada,
        contactId: 'c1',
        mode: 'whisper',
        at: 3_000,
      });
    }
  });

  it('refuses a contact nobody is talking to', () => {
    const error = thrown(() => monitorRequestFor(waiting, sue, 'monitor', 3_000));
    expect(isSwitchboardError(error, 'INVALID_TRANSITION')).toBe(true);
    const wrapUp = { ...talking, status: 'wrapUp' } as Contact;
    expect(isSwitchboardError(thrown(() => monitorRequestFor(wrapUp, sue, 'barge', 0)))).toBe(true);
  });
});

describe('evaluationOf', () => {
  it('scores the contact’s last agent, as a percentage of the best score', () => {
    const done = { ...talking, agentId: null, lastAgentId: ada } as Contact;
    expect(evaluationOf(done, sue, { contactId: done.id, scorecard, comment: 'ok' }, 5)).toEqual({
      contactId: 'c1',
      agentId: ada,
      supervisorId: sue,
      scorecard,
      percent: 60,
      comment: 'ok',
      at: 5,
    });
  });

  it('scores the agent the input names, over the contact’s', () => {
    const bob = 'bob' as AgentId;
    const input = { contactId: talking.id, scorecard, comment: '', agentId: bob };
    expect(evaluationOf(talking, sue, input, 5).agentId).toBe(bob);
  });

  it('refuses a contact no agent ever handled', () => {
    const input = { contactId: waiting.id, scorecard, comment: '' };
    const error = thrown(() => evaluationOf(waiting, sue, input, 5));
    expect(isSwitchboardError(error, 'INVALID_TRANSITION')).toBe(true);
  });
});
