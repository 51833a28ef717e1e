import { useState } from 'react';
import { SessionContext } from '../sessionContext';
import type { World } from '../world/createWorld';
import type { Session } from '../world/session';
import { Desktop } from './Desktop';
import { SignIn } from './SignIn';

/** Sign in, then the desktop of the signed-in agent. */
export function App({ world }: { world: World }) {
  const [session, setSession] = useState<Session | null>(null);
  if (!session) return <SignIn world={world} onSignedIn={setSession} />;
  return (
    <SessionContext value={session}>
      <Desktop
        onSignOut={() =>
          void session.run(async () => {
            await session.signOut();
            setSession(null);
          })
        }
      />
    </SessionContext>
  );
}
