import { createDesk, type AgentId, type Desk } from '@switchboard/core';
import { bindCrm, type CrmBinding } from '@switchboard/crm-adapters';
import { startColleagues } from './colleagues';
import { SIGNED_IN, type World } from './createWorld';
import { createValue, type Observable } from './observable';
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
  /** Failed operations, newest last. */
  readonly notices: Observable<readonly Notice[]>;
  /** Runs an operation; a refusal becomes a notice instead of an unhandled rejection. */
  readonly run: (work: () => Promise<unknown>) => Promise<void>;
  /** Hides a notice. */
  readonly dismiss: (id: number) => void;
  /** Completes wrap-up: the disposition on the contact, the note in the CRM and its log. */
  readonly complete: (contactId: string, disposition: string, note: string) => Promise<void>;
  /** Logs out and stops everything the session started. */
  readonly signOut: () => Promise<void>;
}

/** Signs `agentId` in: a desk on the world's centre, bound to its CRM and a voice line. */
export async function signIn(world: World, agentId: AgentId): Promise<Session> {
  const { center, clock, config } = world;
  const agent = center.getSnapshot().agents.get(agentId);
  if (!agent) throw new RangeError(`No agent ${agentId} on the roster.`);
  const desk = createDesk({ agent: agent.profile, center, clock, plugins: config.plugins });
  const notes = new Map<string, string>();
  const crm = bindCrm(desk, world.crm, { summaryOf: (contact) => notes.get(contact.id) ?? '' });
  const notices = createValue<readonly Notice[]>([]);
  let nextNotice = 0;
  const report = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    notices.set([...notices.getSnapshot(), { id: (nextNotice += 1), message }]);
  };
  let voice: VoiceLine;
  try {
    voice = config.sip
      ? await createSipLine(desk, config.sip, report)
      : createSimulatedLine(desk, clock);
  } catch (error) {
    // The registrar refused or could not be reached: back to the sign-in screen, which says why.
    crm.dispose();
    await desk.dispose();
    throw error;
  }
  const stopColleagues = startColleagues(center, clock, agentId);
  // Not ready until the agent chooses to take contacts (a colleague until now is already in).
  if (agent.presence.status === 'offline') await desk.login({ reason: SIGNED_IN });
  else await desk.setStatus({ status: 'notReady', reason: SIGNED_IN });

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      report(error);
    }
  };
  return {
    world,
    desk,
    crm,
    voice,
    notices,
    run,
    dismiss: (id) => {
      notices.set(notices.getSnapshot().filter((notice) => notice.id !== id));
    },
    complete: async (contactId, disposition, note) => {
      const customerId = desk.center.getSnapshot().contacts.get(contactId)?.customer.id;
      notes.set(contactId, note);
      await desk.complete(contactId, { disposition });
      if (note && customerId)
        await desk.invoke('crm.addNote', {
          target: { kind: 'customer', id: customerId },
          body: note,
        });
    },
    signOut: async () => {
      await desk.logout();
      voice.dispose();
      crm.dispose();
      stopColleagues();
      await desk.dispose();
    },
  };
}
