import * as z from 'zod/mini';

const text = z.optional(z.nullable(z.string()));

/** A Dataverse contact row, as far as the adapter reads it. */
export const dynamicsContactSchema = z.object({
  contactid: z.string(),
  fullname: text,
  firstname: text,
  lastname: text,
  emailaddress1: text,
  telephone1: text,
  mobilephone: text,
});
/** A Dataverse contact row. */
export type DynamicsContact = z.infer<typeof dynamicsContactSchema>;

/** A `phonecall` activity; custom columns (key, disposition) are read by name. */
export const dynamicsPhonecallSchema = z.looseObject({
  activityid: z.string(),
  subject: text,
  description: text,
  directioncode: z.optional(z.nullable(z.boolean())),
  actualstart: text,
  actualend: text,
  actualdurationminutes: z.optional(z.nullable(z.number())),
  createdon: text,
});
/** A `phonecall` activity. */
export type DynamicsPhonecall = z.infer<typeof dynamicsPhonecallSchema>;

/** An `incident` (case) row. */
export const dynamicsIncidentSchema = z.looseObject({
  incidentid: z.string(),
  title: text,
  description: text,
  statecode: z.optional(z.nullable(z.number())),
  statuscode: z.optional(z.nullable(z.number())),
  prioritycode: z.optional(z.nullable(z.number())),
  isescalated: z.optional(z.nullable(z.boolean())),
  _customerid_value: text,
});
/** An `incident` row. */
export type DynamicsIncident = z.infer<typeof dynamicsIncidentSchema>;

/** An `annotation` (note) row. */
export const dynamicsAnnotationSchema = z.object({
  annotationid: z.string(),
  notetext: text,
});

/** A collection answer: `{ value: [...] }`. */
export function collectionOf<T extends z.ZodMiniType>(row: T) {
  return z.object({ value: z.array(row) });
}
