import { createKpiEngine } from '@switchboard/core/metrics';
import { createTestHost, type TestHost } from '@switchboard/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csat, type CsatConfigInput, type SurveyInvitation } from '../src/index';

let host: TestHost | undefined;
afterEach(async () => {
  await host?.dispose();
  host = undefined;
});

/** The send port: a list standing in for a chat widget, mailer or SMS gateway (their own plugins test those). */
function outbox(fail = false) {
  const sent: SurveyInvitation[] = [];
  const send = vi.fn((invitation: SurveyInvitation) => {
    if (fail) return Promise.reject(new Error('gateway down'));
    sent.push(invitation);
    return Promise.resolve();
  });
  return { sent, send };
}

async function start(config: Partial<CsatConfigInput> = {}) {
  const { sent, send } = outbox();
  // The real KPI engine; without a clock it reads time from the events it is fed.
  const kpis = createKpiEngine();
  host = await createTestHost({ plugins: [{ plugin: csat, config: { send, kpis, ...config } }] });
  kpis.attach(host.center);
  return { host, sent, send, kpis };
}

async function handle(current: TestHost, input: Parameters<TestHost['take']>[0] = {}) {
  const contact = await current.take(input);
  // A call connects when its media is up; chats connect on accept.
  if (contact.status === 'accepted') current.center.contactCommand(contact.id, { type: 'connect' });
  await current.desk.wrapUp(contact.id);
  await current.desk.complete(contact.id);
  await current.flush();
  return contact;
}

describe('csat plugin', () => {
  it('offers a survey by the contact channel after completion and books the answer in the CSAT KPI', async () => {
    const { sent, kpis } = await start();
    const current = host as TestHost;
    const chat = await handle(current, { channel: 'chat' });
    expect(sent).toEqual([
      expect.objectContaining({
        contactId: chat.id,
        channel: 'chat',
        to: chat.id,
        agentId: 'agent-1',
      }),
    ]);
    expect(current.events.of('csat.sent')).toHaveLength(1);

    const survey = await current
      .plugin('csat')
      .answer({ contactId: chat.id, score: 5, comment: 'Great' });
    expect(survey).toMatchObject({ status: 'answered', score: 5, comment: 'Great' });
    expect(current.events.of('csat.answered')).toEqual([
      { contactId: chat.id, score: 5, comment: 'Great', at: current.clock.now() },
    ]);
    const [total] = kpis.report().rows;
    expect(total?.kpis.csat).toBe(1);
    expect(total?.counts.surveys).toBe(1);
  });

  it('sends a voice contact survey by SMS to the customer phone, and skips contacts with no address', async () => {
    const { sent } = await start({ delayMs: 60_000 });
    const current = host as TestHost;
    const call = await handle(current, {
      channel: 'voice',
      customer: { phone: '+441234567890', attributes: {} },
    });
    await handle(current, { channel: 'email' }); // no email address known: no survey
    expect(sent).toEqual([]);
    current.advance(60_000);
    await current.flush();
    expect(sent).toEqual([
      expect.objectContaining({ contactId: call.id, channel: 'sms', to: '+441234567890' }),
    ]);
    expect(current.plugin('csat').getSnapshot().surveys).toHaveLength(1);
  });

  it('accepts one answer per contact, a score of 1 to 5, before expiry', async () => {
    await start({ expiresAfterMs: 3_600_000 });
    const current = host as TestHost;
    const api = current.plugin('csat');
    const first = await handle(current);
    const second = await handle(current);

    await expect(api.answer({ contactId: first.id, score: 6 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await api.answer({ contactId: first.id, score: 2 });
    await expect(api.answer({ contactId: first.id, score: 4 })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await expect(api.answer({ contactId: 'nobody', score: 4 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    current.advance(3_600_000);
    expect(current.events.of('csat.expired')).toEqual([
      { contactId: second.id, at: current.clock.now() },
    ]);
    await expect(
      current.desk.invoke('csat.answer', { contactId: second.id, score: 5 }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { status: 'expired' },
    });
  });

  it('a failing send port or a throwing subscriber never takes the desk down', async () => {
    const { send } = outbox(true);
    host = await createTestHost({ plugins: [{ plugin: csat, config: { send } }] });
    const current = host;
    current.plugin('csat').subscribe(() => {
      throw new Error('UI bug');
    });
    const chat = await handle(current);
    expect(current.plugin('csat').getSnapshot().surveys[0]).toMatchObject({
      contactId: chat.id,
      status: 'failed',
    });
    expect(current.events.of('csat.failed')).toHaveLength(1);
    await handle(current); // the desk still serves
    expect(current.desk.getSnapshot().agent.presence.status).toBe('available');
  });

  it('surveys only the configured queues', async () => {
    const { sent } = await start({ queues: ['vip'] });
    await handle(host as TestHost);
    expect(sent).toEqual([]);
  });
});
