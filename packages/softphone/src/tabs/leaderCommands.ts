import * as z from 'zod/mini';
import type { Call } from '../call';
import { SoftphoneError } from '../errors';
import type { Conference, Softphone } from '../softphoneTypes';
import type { WireConference } from './tabProtocol';

/** Call controls another tab may ask the leading tab to carry out. */
export const callControls: ReadonlySet<string> = new Set([
  'answer',
  'reject',
  'hangUp',
  'hold',
  'resume',
  'sendDtmf',
  'setMuted',
  'getStats',
  'transfer',
  'pauseRecording',
  'resumeRecording',
]);
/** A transfer target from another tab: an address, or the id of a call of the leading tab. */
const transferTargetSchema = z.union([z.string(), z.object({ callId: z.string() })]);
const callIdsSchema = z.array(z.string());

/** Carries out, in the leading tab, the commands the other tabs send. */
export type PerformCommand = (
  command: string,
  callId: string | null,
  args: readonly unknown[],
  /** The asking tab's id. */
  from?: string,
) => Promise<unknown>;

/**
 * The commands of the leading tab's softphone `phone`. Conferences a follower started are kept
 * by id until they are over, so that tab can split them or hang them up.
 */
export function createLeaderCommands(phone: Softphone): PerformCommand {
  const conferences = new Map<string, Conference>();
  phone.on('conference.changed', ({ conferenceId, calls }) => {
    if (calls.length === 0) conferences.delete(conferenceId);
  });
  const callOf = (callId: string): Call => {
    const call = phone.getCall(callId);
    if (!call) throw new SoftphoneError('NOT_FOUND', `No call ${callId}.`, { details: { callId } });
    return call;
  };
  const conferenceOf = (id: unknown): Conference => {
    const conference = typeof id === 'string' ? conferences.get(id) : undefined;
    if (!conference) {
      throw new SoftphoneError('NOT_FOUND', `No conference ${String(id)}.`, {
        details: { conferenceId: String(id) },
      });
    }
    return conference;
  };
  const parse = <T>(schema: z.ZodMiniType<T>, value: unknown): T => {
    const parsed = z.safeParse(schema, value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(({ path, message }) => ({ path, message }));
      throw new SoftphoneError('INVALID_INPUT', 'A tab sent a malformed command.', { issues });
    }
    return parsed.data;
  };

  async function phoneCommand(command: string, args: readonly unknown[]): Promise<unknown> {
    switch (command) {
      case 'register':
        return phone.register();
      case 'unregister':
        return phone.unregister();
      case 'refresh':
        return phone.refresh();
      case 'call':
        return (await phone.call(args[0] as string, args[1] as never)).getSnapshot();
      case 'switchTo':
        return phone.switchTo(args[0] as string);
      case 'conference': {
        const calls = parse(callIdsSchema, args[0]).map(callOf);
        const conference = await phone.conference(calls);
        conferences.set(conference.id, conference);
        const wire: WireConference = {
          id: conference.id,
          callIds: conference.calls.map((call) => call.id),
        };
        return wire;
      }
      case 'conference.split':
        return conferenceOf(args[0]).split();
      case 'conference.hangUp':
        return conferenceOf(args[0]).hangUp();
      default:
        throw new SoftphoneError('INVALID_INPUT', `Unknown command ${command}.`);
    }
  }

  return async (command, callId, args) => {
    if (callId === null) return phoneCommand(command, args);
    const call = callOf(callId);
    if (!callControls.has(command)) {
      throw new SoftphoneError('INVALID_INPUT', `Unknown command ${command}.`);
    }
    if (command === 'transfer') {
      const target = parse(transferTargetSchema, args[0]);
      return call.transfer(typeof target === 'string' ? target : callOf(target.callId));
    }
    const control = (call as unknown as Record<string, (...rest: unknown[]) => unknown>)[command];
    return await control?.(...args);
  };
}
