import type { ContactCommandInput } from '../contact/contactCommands';
import type { Contact } from '../model/contact';
import type { ContactId } from '../model/ids';
import type { Clock } from '../ports/clock';
import { createKeyedTimers } from '../ports/keyedTimers';
import { notInIvr, unknownIvrMenu } from './ivrErrors';
import type { IvrMenu, IvrRoute } from './ivrMenu';

/** A choice as the channel shows it. */
export interface IvrChoice {
  /** What the customer presses or picks. */
  readonly key: string;
  /** What the choice says. */
  readonly label: string;
}

/** A prompt the channel must render: `ivr.prompted`. */
export interface IvrPrompt {
  /** The contact in the menu. */
  readonly contactId: ContactId;
  /** The menu. */
  readonly menuId: string;
  /** The node. */
  readonly nodeId: string;
  /** What to say or show. */
  readonly prompt: string;
  /** The choices. */
  readonly options: readonly IvrChoice[];
  /** 1 for the first time the node is asked, more after wrong or missing answers. */
  readonly attempt: number;
  /** When (ms since epoch). */
  readonly at: number;
}

/** What the IVR needs of its centre. */
export interface IvrHost {
  /** Time and timers. */
  readonly clock: Clock;
  /** Runs a contact command. */
  readonly contactCommand: (contactId: string, command: ContactCommandInput) => Contact;
  /** Emits `ivr.prompted`. */
  readonly prompt: (prompt: IvrPrompt) => void;
}

interface Session {
  readonly menu: IvrMenu;
  nodeId: string;
  attempt: number;
  readonly path: string[];
}

/** Runs contacts through IVR menus: prompts, answers, time-outs, and the route at the end. */
export interface IvrRunner {
  /** Puts a contact into a menu and emits its first prompt. */
  start(contactId: ContactId, menuId: string): IvrPrompt;
  /** Takes the customer's answer; returns the next prompt, or `null` once the contact queued. */
  answer(contactId: ContactId, key: string): IvrPrompt | null;
  /** Forgets a contact (it left); cancels its timer. */
  forget(contactId: ContactId): void;
  /** Cancels every timer. */
  clear(): void;
}

/** Creates an {@link IvrRunner} over validated menus. */
export function createIvrRunner(menus: ReadonlyMap<string, IvrMenu>, host: IvrHost): IvrRunner {
  const sessions = new Map<ContactId, Session>();
  const timers = createKeyedTimers<ContactId>(host.clock);

  function ask(contactId: ContactId, session: Session): IvrPrompt {
    const node = session.menu.nodes[session.nodeId];
    const prompt: IvrPrompt = {
      contactId,
      menuId: session.menu.id,
      nodeId: session.nodeId,
      prompt: node?.prompt ?? '',
      options: (node?.options ?? []).map(({ key, label }) => ({ key, label })),
      attempt: session.attempt,
      at: host.clock.now(),
    };
    timers.start(contactId, session.menu.timeoutMs, () => {
      wrong(contactId, session);
    });
    host.prompt(prompt);
    return prompt;
  }

  function finish(contactId: ContactId, session: Session, route: IvrRoute): null {
    sessions.delete(contactId);
    timers.cancel(contactId);
    const classification = route.classification ?? {};
    host.contactCommand(contactId, {
      type: 'queue',
      queueId: route.queueId,
      classification: {
        ...classification,
        attributes: { ...classification.attributes, ivrPath: session.path },
      },
    });
    return null;
  }

  function wrong(contactId: ContactId, session: Session): IvrPrompt | null {
    if (session.attempt >= session.menu.maxAttempts) {
      return finish(contactId, session, session.menu.fallback);
    }
    session.attempt += 1;
    return ask(contactId, session);
  }

  return {
    start(contactId, menuId) {
      const menu = menus.get(menuId);
      if (!menu) throw unknownIvrMenu(menuId);
      host.contactCommand(contactId, { type: 'enterIvr' });
      const session: Session = { menu, nodeId: menu.start, attempt: 1, path: [] };
      sessions.set(contactId, session);
      return ask(contactId, session);
    },
    answer(contactId, key) {
      const session = sessions.get(contactId);
      if (!session) throw notInIvr(contactId);
      const option = session.menu.nodes[session.nodeId]?.options.find(
        (candidate) => candidate.key === key,
      );
      if (!option) return wrong(contactId, session);
      session.path.push(key);
      if (option.route) return finish(contactId, session, option.route);
      session.nodeId = option.goTo ?? session.nodeId;
      session.attempt = 1;
      return ask(contactId, session);
    },
    forget(contactId) {
      sessions.delete(contactId);
      timers.cancel(contactId);
    },
    clear() {
      sessions.clear();
      timers.clear();
    },
  };
}
