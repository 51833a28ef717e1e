import type { AgentId } from '@switchboard/core';
import { useState, type SubmitEvent } from 'react';
import { byName } from '../format';
import { useStore } from '../useStore';
import type { World } from '../world/createWorld';
import { signIn, type Session } from '../world/session';

/** Pick yourself from the centre's agents. */
export function SignIn({
  world,
  onSignedIn,
}: {
  world: World;
  onSignedIn: (session: Session) => void;
}) {
  const { agents } = useStore(world.center);
  const [agentId, setAgentId] = useState<AgentId | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (agentId === null) return;
    signIn(world, agentId).then(onSignedIn, (failure: unknown) => {
      setError(failure instanceof Error ? failure.message : String(failure));
    });
  };

  return (
    <main className="sign-in">
      <h1>Switchboard</h1>
      <p>
        An agent desktop on the embedded contact centre. Simulated customers call, chat and write
        in; your colleagues are simulated too.
      </p>
      <form onSubmit={submit}>
        <fieldset>
          <legend>Sign in as</legend>
          {[...agents.values()].sort(byName).map(({ profile }) => (
            <label key={profile.id} className="choice">
              <input
                type="radio"
                name="agent"
                value={profile.id}
                checked={agentId === profile.id}
                onChange={() => setAgentId(profile.id)}
              />
              <span>{profile.name}</span>
              {profile.roles.includes('supervisor') && <span className="tag">supervisor</span>}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={agentId === null}>
          Sign in
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}
