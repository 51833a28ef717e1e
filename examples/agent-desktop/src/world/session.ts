import { createDesk, type AgentId, type Channel, type Desk } from '@switchboard/core';
import { bindCrm, type CrmBinding } from '@switchboard/crm-adapters';
import type { DeviceManager } from '@switchboard/softphone';
import { openAudioDevices } from './audioDevices';
import { startColleagues } from './colleagues';
import { SIGNED_IN, type World } from './createWorld';
import { deskPlugins } from './deskPlugins';
import { createValue, type Observable, type Value } from './observable';
import { answerSurveys } from './surveys';
import { createSipLine } from './sipLine';
import { createSimulatedLine, type VoiceLine } from './voiceLine';

/** Something that went wrong, shown until dismissed. */
export interface Notice {
  /** Tells notices apart. */
  readonly id: number;
  /** What went wrong, e.g. a `SwitchboardError`'s message. */
  readonly message: string;
}

/** One agent signed in at the desktop. */
export interface Session {
  /** What the desk runs on. */
  readonly world: World;
  /** The agent's desk: their state, contacts and actions. */
  readonly desk: Desk;
  /** Screen pops, interaction logs, tickets and notes in the CRM. */
  readonly crm: CrmBinding;
  /** Where calls' audio goes. */
  readonly voice: VoiceLine;
  /** The channels whose offers auto-answer accepts (the agent's per-channel switches). */
  readonly autoAnswer: Value<ReadonlySet<Channel>>;
  /** Microphones and speakers; `null` until loaded, or where the browser lists none. */
  readonly devices: Observable<DeviceManager | null>;
  /** Failed operations, newest last. */
  readonly notices: Observable<readonly Notice[]>;
  /** Runs an operation (sync or async); a refusal becomes a notice, not an unhandled rejection. */
  readonly run: (work: () => unknown) => Promise<void>;
  /** Hides a notice. */
  readonly dismiss: (id: number) => void;
  /**
   * Completes wrap-up through the dispositions plugin: the code and the note (redacted) on the
   * contact, the note in the CRM and its log.
   */
  readonly complete: (contactId: string, disposition: string, note: string) => Promise<void>;
  /** Logs out and stops everything the session started. */
  readonly signOut: () => Promise<void>;
}

/** Signs `agentId` in: a desk on the world's centre, bound to its CRM and a voice line. */
export async function signIn(world: World, agentId: AgentId): Promise<Session> {
  const { center, clock, config } = world;
  const agent = center.getSnapshot().agents.get(agentId);
  if (!agent) throw new RangeError(`No agent ${agentId} on the roster.`);
  const notices = createValue<readonly Notice[]>([]);
  let nextNotice = 0;
  const report = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    notices.set([...notices.getSnapshot(), { id: (nextNotice += 1), message }]);
  };
  const autoAnswer = createValue<ReadonlySet<Channel>>(new Set());
  let voice: VoiceLine | undefined;
  const desk: Desk = createDesk({
    agent: agent.profile,
    center,
    clock,
    plugins: deskPlugins({
      world,
      supervisor: agent.profile.roles.includes('supervisor'),
      recorder: (contactId) => voice?.recording(contactId),
      sender: {
        send: (reply) => {
          if (reply.channel === 'chat') desk.plugin('chat').send(reply.contactId, reply.text);
          else world.outbox.send({ ...reply, kind: 'reply', at: clock.now() });
        },
      },
      survey: (survey) => {
        world.outbox.send({
          contactId: survey.contactId,
          kind: 'survey',
          channel: survey.channel,
          text: survey.question,
          at: clock.now(),
        });
      },
      autoAnswer,
    }),
  });
  for (const failed of (await desk.ready).filter((plugin) => plugin.error)) report(failed.error);
  const notes = new Map<string, string>();
  const crm = bindCrm(desk, world.crm, { summaryOf: (contact) => notes.get(contact.id) ?? '' });
  const stopSurveys = answerSurveys(desk, world);
  const devices = createValue<DeviceManager | null>(null);
  const opening = openAudioDevices(devices).catch(report);
  const sip = config.sip;
  let line: VoiceLine;
  try {
    if (sip) {
      await opening; // the softphone's media follow the chosen devices
      line = await createSipLine(desk, sip, report, devices.getSnapshot());
    } else line = createSimulatedLine(desk, clock);
    voice = line;
  } catch (error) {
    // The registrar refused or could not be reached: back to the sign-in screen, which says why.
    stopSurveys();
    devices.getSnapshot()?.dispose();
    crm.dispose();
    await desk.dispose();
    throw error;
  }
  const stopColleagues = startColleagues(center, clock, agentId);
  // Not ready until the agent chooses to take contacts (a colleague until now is already in).
  if (agent.presence.status === 'offline') await desk.login({ reason: SIGNED_IN });
  else await desk.setStatus({ status: 'notReady', reason: SIGNED_IN });

  const run = async (work: () => unknown) => {
    try {
      await Promise.resolve().then(work);
    } catch (error) {
      report(error);
    }
  };
  return {
    world,
    desk,
    crm,
    voice: line,
    autoAnswer,
    devices,
    notices,
    run,
    dismiss: (id) => {
      notices.set(notices.getSnapshot().filter((notice) => notice.id !== id));
    },
    complete: async (contactId, disposition, written) => {
      const customerId = desk.center.getSnapshot().contacts.get(contactId)?.customer.id;
      const note = written && desk.plugin('redaction').redact(written).text;
      notes.set(contactId, note);
      const wrapUp = desk.plugin('dispositions');
      wrapUp.select(contactId, disposition, note || undefined);
      await wrapUp.complete(contactId);
      if (note && customerId)
        await desk.invoke('crm.addNote', {
          target: { kind: 'customer', id: customerId },
          body: note,
        });
    },
    signOut: async () => {
      await desk.logout();
      line.dispose();
      stopSurveys();
      devices.getSnapshot()?.dispose();
      crm.dispose();
      stopColleagues();
      await desk.dispose();
    },
  };
}
