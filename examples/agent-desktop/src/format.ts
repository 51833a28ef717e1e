import type { AgentState, Channel, Contact } from '@switchboard/core';

/** `m:ss`, or `h:mm:ss` past an hour. */
export function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${String(h)}:${pad(m)}:${pad(s)}` : `${String(m)}:${pad(s)}`;
}

/** A rate from 0 to 1 as a whole percentage; a dash when there is no data yet. */
export function percent(rate: number | null): string {
  return rate === null ? '–' : `${String(Math.round(rate * 100))} %`;
}

/** A duration in ms that may be missing. */
export function maybeDuration(ms: number | null): string {
  return ms === null ? '–' : duration(ms);
}

/** Channel names for people. */
export const channelLabel: Record<Channel, string> = {
  voice: 'Call',
  chat: 'Chat',
  email: 'Email',
  sms: 'SMS',
  social: 'Social',
  callback: 'Callback',
};

/** What the contact is about: the `subject` attribute customers and channels set. */
export function subjectOf(contact: Contact): string {
  const { subject, chat } = contact.attributes;
  // A chat's widget attributes arrive under `chat` (the chat plugin's gateway puts them there).
  const fromWidget = (chat as { subject?: unknown } | undefined)?.subject;
  const found = subject ?? fromWidget;
  return typeof found === 'string' ? found : '';
}

/** A date and time in the viewer's locale. */
export function dateTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Contact statuses for people. */
export const statusLabel: Record<Contact['status'], string> = {
  created: 'new',
  inIvr: 'in the IVR',
  queued: 'waiting',
  offered: 'offered',
  accepted: 'connecting',
  connected: 'connected',
  onHold: 'on hold',
  inConsult: 'consulting',
  conferenced: 'conference',
  wrapUp: 'wrap-up',
  completed: 'completed',
  abandoned: 'abandoned',
  failed: 'failed',
};

/** Orders agents by name, for lists people scan. */
export function byName(a: AgentState, b: AgentState): number {
  return a.profile.name.localeCompare(b.profile.name);
}
