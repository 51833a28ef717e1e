import type { Agent, Contact } from '@switchboard/core';

/** What a reply's variables are filled from. */
export interface ReplyVariableSources {
  /** The contact (and its customer). */
  readonly contact: Contact;
  /** The agent replying, if any (automated replies have none). */
  readonly agent?: Pick<Agent, 'id' | 'name'>;
  /** The display name of the contact's queue, when known. */
  readonly queueName?: string;
  /** Anything else, under its own names (e.g. `queue.position`). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

const firstName = (name: string | undefined) => name?.trim().split(/\s+/)[0];

/**
 * A fresh copy of `attributes` with `named` set over it. `Object.assign` rather than a spread:
 * V8 spreads an object built key by key (as zod builds the attributes it parses) through its slow
 * generic path, some 25 times slower. An own `__proto__` key, which `Object.assign` would take
 * for the prototype, keeps the spread.
 */
function withNamed(
  attributes: Readonly<Record<string, unknown>>,
  named: Record<string, unknown>,
): Record<string, unknown> {
  const copy = Object.hasOwn(attributes, '__proto__')
    ? { ...attributes }
    : Object.assign({}, attributes);
  return Object.assign(copy, named);
}

/**
 * The variables a reply can use: `customer.*` (the customer's attributes, then `id`, `name`,
 * `firstName`, `email`, `phone`), `contact.*` (the contact's attributes, then `id`, `channel`,
 * `queue` (its name, else its id), `queueId`), `agent.*` (`id`, `name`, `firstName`), and `extra`.
 * Built-in names win over attributes of the same name.
 */
export function replyVariables(sources: ReplyVariableSources): Record<string, unknown> {
  return someReplyVariables(sources);
}

/**
 * {@link replyVariables}, building only the top-level names in `only` (those a template uses, from
 * `templateRoots`) when given: `extra` is always included.
 *
 * @internal
 */
export function someReplyVariables(
  sources: ReplyVariableSources,
  only?: ReadonlySet<string>,
): Record<string, unknown> {
  const { contact, agent } = sources;
  const customer = contact.customer;
  const variables: Record<string, unknown> = { ...sources.extra };
  if (!only || only.has('customer')) {
    variables.customer = withNamed(customer.attributes, {
      id: customer.id,
      name: customer.name,
      firstName: firstName(customer.name),
      email: customer.email,
      phone: customer.phone,
    });
  }
  if (!only || only.has('contact')) {
    variables.contact = withNamed(contact.attributes, {
      id: contact.id,
      channel: contact.channel,
      queue: sources.queueName ?? contact.queueId ?? undefined,
      queueId: contact.queueId ?? undefined,
    });
  }
  if (!only || only.has('agent'))
    variables.agent = agent
      ? { id: agent.id, name: agent.name, firstName: firstName(agent.name) }
      : {};
  return variables;
}
