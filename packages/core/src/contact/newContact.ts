import type { Contact, ContactBase } from '../model/contact';

/** What a contact is opened with; everything else starts empty (no skills of its own by default). */
export type NewContactFields = Pick<
  ContactBase,
  'id' | 'channel' | 'direction' | 'customer' | 'queueId' | 'priority' | 'attributes'
> &
  Partial<Pick<ContactBase, 'requiredSkills'>>;

/** A contact as it is opened at time `at`: status `created`, held by nobody, every counter at zero. */
export function newContact(fields: NewContactFields, at: number): Contact {
  return {
    ...fields,
    requiredSkills: fields.requiredSkills ?? [],
    status: 'created',
    agentId: null,
    lastAgentId: null,
    timestamps: { created: at },
    since: at,
    holdMs: 0,
    heldSince: null,
    offers: 0,
    transfers: 0,
  };
}
