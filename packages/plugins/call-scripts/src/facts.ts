import type { Contact } from '@switchboard/core';
import type { Condition } from './scriptSchema';

/** What a script's conditions can read besides answers: the contact and its customer. */
export interface ScriptFacts {
  /** The contact's facts. */
  readonly contact: {
    /** Its id. */
    readonly id: string;
    /** Its channel. */
    readonly channel: string;
    /** Inbound or outbound. */
    readonly direction: string;
    /** Its queue, if any. */
    readonly queueId: string | null;
    /** Its priority. */
    readonly priority: number;
    /** Host-defined facts. */
    readonly attributes: Readonly<Record<string, unknown>>;
  };
  /** The customer's facts (id, name, attributes, ...). */
  readonly customer: Readonly<Record<string, unknown>>;
}

/** The facts of a contact, for {@link ScriptFacts}. */
export function factsOf(contact: Contact): ScriptFacts {
  return {
    contact: {
      id: contact.id,
      channel: contact.channel,
      direction: contact.direction,
      queueId: contact.queueId,
      priority: contact.priority,
      attributes: contact.attributes,
    },
    customer: { ...contact.customer },
  };
}

/** Reads a dotted path through own properties only (no prototype lookups). */
export function readPath(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Whether `condition` holds for these facts (`answer` is the current step's answer). */
export function holds(
  condition: Condition,
  facts: ScriptFacts,
  answers: Readonly<Record<string, unknown>>,
  answer: unknown,
): boolean {
  const [head = '', ...rest] = condition.fact.split('.');
  const scope = { answer, answers, contact: facts.contact, customer: facts.customer };
  const value = readPath(scope, [head, ...rest]);
  if (condition.exists !== undefined && (value !== undefined) !== condition.exists) return false;
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.in !== undefined && !condition.in.some((item) => item === value)) return false;
  return true;
}
