import { createMemoryStorage, isSwitchboardError, type Storage } from '@switchboard/core';
import { createTestHost } from '@switchboard/core/testing';
import { createTicketBook } from '@switchboard/core/tickets';
import { afterEach, describe, expect, it } from 'vitest';
import { callScriptNoteTemplate, callScripts, type CallScriptsConfig } from '../src';

const hosts: { dispose(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.dispose()));
});

const config: CallScriptsConfig = {
  assign: [
    { script: 'passwordReset', queues: ['identity'] },
    { script: 'orderInquiry', channels: ['email'] },
    { script: 'technicalSupport', when: { fact: 'contact.attributes.topic', equals: 'fault' } },
  ],
};

async function host(options: { config?: CallScriptsConfig; storage?: Storage } = {}) {
  const created = await createTestHost({
    plugins: [{ plugin: callScripts, config: options.config ?? config }],
    center: {
      queues: [
        { id: 'default', name: 'Default' },
        { id: 'identity', name: 'Identity' },
      ],
    },
    ...(options.storage ? { storage: options.storage } : {}),
  });
  hosts.push(created);
  return created;
}

const codeOf = (error: unknown) => (isSwitchboardError(error) ? error.code : 'other');

describe('callScripts', () => {
  it('starts the script assigned by queue, channel or attribute when the agent accepts', async () => {
    const test = await host();
    const api = test.plugin('callScripts');
    const reset = await test.take({ channel: 'chat', queueId: 'identity' });
    const order = await test.take({ channel: 'email' });
    const fault = await test.take({ channel: 'chat', attributes: { topic: 'fault' } });
    const other = await test.take({ channel: 'chat' });
    expect(api.run(reset.id)?.scriptId).toBe('passwordReset');
    expect(api.run(order.id)?.scriptId).toBe('orderInquiry');
    expect(api.run(fault.id)?.scriptId).toBe('technicalSupport');
    expect(api.run(other.id)).toBeUndefined();
    expect(test.events.of('callScripts.started').map((event) => event.contactId)).toEqual([
      reset.id,
      order.id,
      fault.id,
    ]);
    expect(test.failures()).toEqual([]);
  });

  it('refuses completion while required steps are open, with the reason, then allows it', async () => {
    const test = await host();
    const api = test.plugin('callScripts');
    const call = await test.take({ channel: 'voice', queueId: 'identity' });
    api.answer(call.id, 'passed');
    api.answer(call.id, false);
    api.answer(call.id, 'email');
    test.center.contactCommand(call.id, { type: 'connect' });
    await test.desk.wrapUp(call.id);
    const refused = await test.desk.complete(call.id).catch((error: unknown) => error);
    expect(codeOf(refused)).toBe('ACTION_CANCELLED');
    expect((refused as Error).message).toContain('Send reset link, Login confirmed');
    expect(test.center.getSnapshot().contacts.get(call.id)?.status).toBe('wrapUp');

    api.answer(call.id); // link sent
    api.answer(call.id, true); // login works: the end
    expect(api.run(call.id)?.finished).toBe(true);
    await test.desk.complete(call.id);
    expect(test.center.getSnapshot().contacts.get(call.id)?.status).toBe('completed');
    expect(api.run(call.id)).toBeUndefined();
    expect(test.events.names().filter((name) => name.startsWith('callScripts.'))).toEqual([
      'callScripts.started',
      'callScripts.stepAnswered',
      'callScripts.stepAnswered',
      'callScripts.stepAnswered',
      'callScripts.stepAnswered',
      'callScripts.stepAnswered',
      'callScripts.finished',
    ]);
  });

  it('records progress in storage keyed by contact and in a note on the contact', async () => {
    const book = createTicketBook({ noteTemplates: [callScriptNoteTemplate] });
    const test = await host({ config: { ...config, notes: book } });
    const api = test.plugin('callScripts');
    const chat = await test.take({ channel: 'chat' });
    api.start(chat.id, 'orderInquiry');
    api.answer(chat.id, 'ORD-5521');
    api.answer(chat.id, true);
    api.back(chat.id);
    api.answer(chat.id, true);
    await test.flush();

    const stored = await api.stored(chat.id);
    expect(stored?.path.map((entry) => entry.stepId)).toEqual(['orderNumber', 'verifyCustomer']);
    expect(stored?.current).toBe('topic');
    const [note] = book.notesOf({ kind: 'contact', id: chat.id });
    expect(note?.template).toBe('callScript');
    expect(note?.author).toBe('agent-1');
    expect(note?.fields).toEqual({
      script: 'Order inquiry',
      status: 'inProgress',
      steps: [
        { step: 'Order number', answer: 'ORD-5521' },
        { step: 'Verify customer', answer: 'true' },
      ],
    });
    expect(note?.revisions).toHaveLength(3); // one edit per later change
    expect(test.events.of('callScripts.wentBack')[0]?.stepId).toBe('verifyCustomer');
  });

  it('validates answers and refuses contacts the agent does not hold', async () => {
    const test = await host();
    const api = test.plugin('callScripts');
    const call = await test.take({ channel: 'voice', queueId: 'identity' });
    expect(codeOf(catchOf(() => api.answer(call.id, 'maybe')))).toBe('VALIDATION_FAILED');
    expect(api.run(call.id)?.path).toEqual([]);
    expect(codeOf(catchOf(() => api.start('nobody', 'passwordReset')))).toBe('NOT_FOUND');
    expect(codeOf(catchOf(() => api.start(call.id, 'nope')))).toBe('NOT_FOUND');
    expect(codeOf(catchOf(() => api.answer('nobody', true)))).toBe('NOT_FOUND');
  });

  it('keeps a UI in step through getSnapshot and subscribe', async () => {
    const test = await host();
    const api = test.plugin('callScripts');
    let renders = 0;
    const off = api.subscribe(() => (renders += 1));
    const call = await test.take({ channel: 'voice', queueId: 'identity' });
    const first = api.getSnapshot();
    api.answer(call.id, 'failed');
    expect(api.getSnapshot()).not.toBe(first);
    expect(api.getSnapshot().runs.get(call.id)?.step?.id).toBe('selfService');
    expect(renders).toBe(2);
    off();
  });

  it('rejects a configuration that assigns an unknown script', async () => {
    const refused = await createTestHost({
      plugins: [{ plugin: callScripts, config: { assign: [{ script: 'nope' }] } }],
    }).catch((error: unknown) => error);
    expect(codeOf(refused)).toBe('PLUGIN_INVALID');
  });

  it('a storage that throws inside its listener is contained: the desk keeps working', async () => {
    const broken: Storage = {
      ...createMemoryStorage(),
      set() {
        throw new RangeError('disk full');
      },
    };
    const test = await host({ storage: broken });
    const call = await test.take({ channel: 'voice', queueId: 'identity' });
    expect(test.failures()[0]).toMatchObject({
      plugin: 'callScripts',
      phase: 'listener',
      disabled: false,
    });
    // The desk keeps serving, and the plugin's gate still holds for the run it started.
    test.center.contactCommand(call.id, { type: 'connect' });
    await test.desk.hold(call.id);
    await test.desk.resume(call.id);
    await test.desk.wrapUp(call.id);
    const refused = await test.desk.complete(call.id).catch((error: unknown) => error);
    expect(codeOf(refused)).toBe('ACTION_CANCELLED');
    expect(test.desk.getSnapshot().agent.presence.status).toBe('available');
  });
});

function catchOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
