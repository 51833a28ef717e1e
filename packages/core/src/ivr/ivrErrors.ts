import { SwitchboardError } from '../errors';

/** `NOT_FOUND`: the centre has no menu with that id. */
export function unknownIvrMenu(menuId: string): SwitchboardError {
  return new SwitchboardError('NOT_FOUND', `No IVR menu "${menuId}".`, { details: { menuId } });
}

/** `INVALID_TRANSITION`: an answer for a contact that is in no menu. */
export function notInIvr(contactId: string): SwitchboardError {
  return new SwitchboardError('INVALID_TRANSITION', `Contact ${contactId} is in no IVR menu.`, {
    details: { contactId },
  });
}
