import * as z from 'zod/mini';

const text = z.optional(z.nullable(z.string()));

/** A Salesforce record, as far as the adapter reads it. */
export const salesforceRecordSchema = z.looseObject({
  Id: z.optional(z.string()),
  Name: text,
  FirstName: text,
  LastName: text,
  Email: text,
  Phone: text,
  MobilePhone: text,
  Subject: text,
  Description: text,
  Status: text,
  Priority: text,
  ContactId: text,
  CallType: text,
  CallDisposition: text,
  CallDurationInSeconds: z.optional(z.nullable(z.number())),
  CreatedDate: text,
  CommentBody: text,
});
/** A Salesforce record. */
export type SalesforceRecord = z.infer<typeof salesforceRecordSchema>;

/** `query` answers. */
export const queryResultSchema = z.object({ records: z.array(salesforceRecordSchema) });
/** Create answers (`SaveResult`). */
export const saveResultSchema = z.object({ id: z.string().check(z.minLength(1)) });
