import type { Contact, Disposition, Unsubscribe } from '@switchboard/core';

/** The code an agent chose for a contact, with its comment. */
export interface DispositionChoice extends Disposition {
  /** The agent's wrap-up comment; `null` when none. */
  readonly comment: string | null;
}

/** What a UI shows for one contact in the agent's hands. */
export interface ContactDispositions {
  /** The contact's queue; `null` for outbound contacts. */
  readonly queueId: string | null;
  /** The codes valid for it: its queue's, else the centre's. */
  readonly codes: readonly Disposition[];
  /** The code chosen so far, if any. */
  readonly selected: DispositionChoice | null;
}

/** The plugin's state: every contact the agent holds. Frozen; a new object after each change. */
export interface DispositionsSnapshot {
  /** By contact id. */
  readonly contacts: ReadonlyMap<string, ContactDispositions>;
}

/** What the plugin offers the host and other plugins: `desk.plugin('dispositions')`. */
export interface DispositionsApi {
  /** The current state. */
  getSnapshot(): DispositionsSnapshot;
  /** Calls `listener` after every change. */
  subscribe(listener: () => void): Unsubscribe;
  /** The codes valid for a contact the agent holds. Throws `NOT_FOUND` for any other. */
  codesFor(contactId: string): readonly Disposition[];
  /** The codes of a queue: its own, else the centre's (`null`: contacts with no queue). */
  codesOfQueue(queueId: string | null): readonly Disposition[];
  /** Chooses the code (and a comment) for a contact. Throws `VALIDATION_FAILED` for a code not valid there. */
  select(contactId: string, code: string, comment?: string): DispositionChoice;
  /** The choice for a contact, kept until its completion has been recorded. */
  choice(contactId: string): DispositionChoice | null;
  /** Completes a contact in wrap-up with the chosen code (`contact.complete`). */
  complete(contactId: string): Promise<Contact>;
}

/** Payload of `dispositions.selected`. */
export interface DispositionSelected {
  /** The contact. */
  readonly contactId: string;
  /** The code chosen. */
  readonly code: string;
  /** The comment, if any. */
  readonly comment: string | null;
  /** When (ms since epoch). */
  readonly at: number;
}

/** Payload of `dispositions.recorded`: a contact was completed with this code. */
export interface DispositionRecorded extends DispositionSelected {
  /** The contact's queue. */
  readonly queueId: string | null;
  /** The code's label. */
  readonly label: string;
  /** Whether it counts as resolved. */
  readonly resolved: boolean;
}

declare module '@switchboard/core' {
  interface PluginApis {
    /** `@switchboard/plugin-dispositions`. */
    dispositions: DispositionsApi;
  }
  interface SwitchboardEvents {
    /** The agent chose a disposition for a contact. */
    'dispositions.selected': DispositionSelected;
    /** A contact was completed with a valid disposition. */
    'dispositions.recorded': DispositionRecorded;
  }
}
