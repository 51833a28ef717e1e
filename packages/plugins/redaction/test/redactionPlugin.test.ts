import { definePlugin } from '@switchboard/core';
import { createTestHost, type TestHost } from '@switchboard/core/testing';
import * as z from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { redaction, type Recording, type RedactionConfigInput } from '../src/index';

/** A notes plugin as a host would write one: `note.add` stores what it receives. */
const saved: unknown[] = [];
const notes = definePlugin({
  name: 'notes',
  version: '1.0.0',
  permissions: ['note:write'],
  setup(ctx) {
    ctx.actions.register({
      name: 'note.add',
      schema: z.object({ contactId: z.string(), fields: z.record(z.string(), z.string()) }),
      run: (note) => {
        saved.push(note);
        return note;
      },
    });
  },
});

/**
 * A hand-rolled recording: the real one is a softphone call (`@switchboard/softphone`, tested
 * against Kamailio there); this port only needs something with pauseRecording/resumeRecording.
 */
function fakeRecording(fail = false) {
  return {
    pauseRecording: vi.fn<(options?: { autoResumeMs?: number }) => Promise<void>>(() =>
      fail ? Promise.reject(new Error('recorder down')) : Promise.resolve(),
    ),
    resumeRecording: vi.fn(() => Promise.resolve()),
  } satisfies Recording;
}

let host: TestHost | undefined;
afterEach(async () => {
  saved.length = 0;
  await host?.dispose();
  host = undefined;
});

async function start(config: RedactionConfigInput = {}) {
  host = await createTestHost({ plugins: [notes, { plugin: redaction, config }] });
  return host;
}

async function connected(current: TestHost, channel: 'chat' | 'voice' = 'voice') {
  const contact = await current.take({ channel });
  // Chats connect on accept; a call connects when the media is up.
  if (contact.status === 'accepted') current.center.contactCommand(contact.id, { type: 'connect' });
  return contact;
}

describe('redaction plugin: notes and transcripts', () => {
  it('redacts a note before note.add stores it', async () => {
    const current = await start();
    await current.desk.invoke('note.add', {
      contactId: 'c1',
      fields: { steps: 'read 4242 4242 4242 4242 cvv 123, mail ada@example.com' },
    });
    expect(saved).toEqual([
      {
        contactId: 'c1',
        fields: { steps: 'read **** **** **** 4242 cvv [redacted], mail [redacted]' },
      },
    ]);
    expect(current.failures()).toEqual([]);
  });

  it('redacts transcript messages and hands the ticket book a redactor', async () => {
    const current = await start({ patterns: [{ name: 'member', pattern: 'MBR-\\d{6}' }] });
    const api = current.plugin('redaction');
    const message = {
      contactId: 'c1',
      text: 'my card 5555555555554444, member MBR-123456',
      from: 'customer',
    };
    expect(api.redactMessage(message)).toEqual({
      ...message,
      text: 'my card ************4444, member [redacted]',
    });
    const clean = { contactId: 'c1', text: 'hello' };
    expect(api.redactMessage(clean)).toBe(clean);
    expect(api.redactor.redactFields({ a: 'ada@example.com' })).toEqual({ a: '[redacted]' });
  });
});

describe('redaction plugin: PCI pause', () => {
  it('pauses the recording, masks the input and resumes when the agent says so', async () => {
    const recording = fakeRecording();
    const current = await start({ pci: { recorder: () => recording, timeoutMs: 60_000 } });
    const call = await connected(current);
    const api = current.plugin('redaction');
    const seen: number[] = [];
    api.subscribe(() => seen.push(api.getSnapshot().pauses.length));

    const pause = api.pause(call.id);
    expect(pause).toMatchObject({
      contactId: call.id,
      reason: 'agent',
      recording: 'paused',
      maskInput: true,
    });
    expect(recording.pauseRecording).toHaveBeenCalledWith({ autoResumeMs: 60_000 });
    expect(api.isInputMasked(call.id)).toBe(true);
    expect(api.redactMessage({ contactId: call.id, text: 'exp 12/26' }).text).toBe('exp ••/••');

    current.advance(5_000);
    api.resume(call.id);
    expect(recording.resumeRecording).toHaveBeenCalledOnce();
    expect(api.isInputMasked(call.id)).toBe(false);
    expect(seen).toEqual([1, 0]);
    expect(current.events.of('pci.paused')).toEqual([
      { contactId: call.id, reason: 'agent', at: pause.since, resumeAt: pause.since + 60_000 },
    ]);
    expect(current.events.of('pci.resumed')).toEqual([
      { contactId: call.id, reason: 'agent', at: pause.since + 5_000, pausedMs: 5_000 },
    ]);
  });

  it('resumes by itself when the time-out passes on the clock', async () => {
    const current = await start({ pci: { timeoutMs: 30_000 } });
    const chat = await connected(current, 'chat');
    const api = current.plugin('redaction');
    expect(api.pause(chat.id).recording).toBe('none');
    current.advance(29_999);
    expect(api.isPaused(chat.id)).toBe(true);
    current.advance(1);
    expect(api.isPaused(chat.id)).toBe(false);
    expect(current.events.of('pci.resumed')[0]).toMatchObject({
      reason: 'timeout',
      pausedMs: 30_000,
    });
  });

  it('resumes when the contact leaves connected (hold, wrap-up)', async () => {
    const recording = fakeRecording();
    const current = await start({ pci: { recorder: () => recording } });
    const call = await connected(current);
    const api = current.plugin('redaction');
    api.pause(call.id);
    await current.desk.hold(call.id);
    expect(api.isPaused(call.id)).toBe(false);
    expect(recording.resumeRecording).toHaveBeenCalledOnce();
    expect(current.events.of('pci.resumed')[0]?.reason).toBe('contactLeft');
    // The time-out of the finished pause does nothing.
    current.advance(600_000);
    expect(current.events.of('pci.resumed')).toHaveLength(1);
  });

  it('pauses by itself when a card number arrives in a message, if configured', async () => {
    const current = await start({ pci: { pauseOnCardNumber: true } });
    const chat = await connected(current, 'chat');
    const api = current.plugin('redaction');
    expect(api.redactMessage({ contactId: chat.id, text: '4242 4242 4242 4242' }).text).toBe(
      '**** **** **** ••••',
    );
    expect(current.events.of('pci.paused')[0]).toMatchObject({
      contactId: chat.id,
      reason: 'cardNumber',
    });
  });

  it('refuses to pause a contact that is not connected, and to resume one not paused', async () => {
    const current = await start();
    const offered = current.offer({ channel: 'chat' });
    const api = current.plugin('redaction');
    expect(() => api.pause(offered.id)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => {
      api.resume(offered.id);
    }).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('redaction plugin: isolation', () => {
  it('a failing recorder and a throwing subscriber never take the desk down', async () => {
    const recording = fakeRecording(true);
    const current = await start({ pci: { recorder: () => recording } });
    const call = await connected(current);
    const api = current.plugin('redaction');
    api.subscribe(() => {
      throw new Error('UI bug');
    });
    api.pause(call.id);
    await current.flush();
    expect(api.getSnapshot().pauses[0]?.recording).toBe('failed');
    await current.desk.wrapUp(call.id);
    await current.desk.complete(call.id);
    expect(current.desk.getSnapshot().contacts).toEqual([]);
    expect(api.isPaused(call.id)).toBe(false);
  });

  it('a throwing recorder port is treated as no recording', async () => {
    const current = await start({
      pci: {
        recorder: () => {
          throw new Error('no binding');
        },
      },
    });
    const call = await connected(current);
    expect(current.plugin('redaction').pause(call.id).recording).toBe('none');
    expect(current.failures()).toEqual([]);
  });
});
