import { createContext, use } from 'react';
import type { Session } from './world/session';

/** The signed-in agent's session, for every component of the desktop. */
export const SessionContext = createContext<Session | null>(null);

/** The signed-in agent's session. */
export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new RangeError('useSession() needs a <SessionContext> above it.');
  return session;
}
