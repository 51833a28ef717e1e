import type * as z from 'zod/mini';
import { idString } from '../model/ids';

/** Validates a ticket id. */
export const ticketIdSchema = idString.brand<'TicketId'>();
/** Identifies a ticket. */
export type TicketId = z.infer<typeof ticketIdSchema>;

/** Validates a note id. */
export const noteIdSchema = idString.brand<'NoteId'>();
/** Identifies a note. */
export type NoteId = z.infer<typeof noteIdSchema>;

/** Validates a follow-up id. */
export const followUpIdSchema = idString.brand<'FollowUpId'>();
/** Identifies a follow-up. */
export type FollowUpId = z.infer<typeof followUpIdSchema>;
