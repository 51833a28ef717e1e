// The public API of @switchboard/plugin-dispositions. Named exports only.
export { dispositions, dispositionsConfigSchema } from './dispositions';
export type { DispositionCatalogue, DispositionsConfig } from './dispositions';
export type {
  ContactDispositions,
  DispositionChoice,
  DispositionRecorded,
  DispositionSelected,
  DispositionsApi,
  DispositionsSnapshot,
} from './dispositionsTypes';
export { dispositionNoteFieldsSchema, dispositionNoteTemplate } from './dispositionNote';
export type { DispositionNoteFields, DispositionNotes } from './dispositionNote';
