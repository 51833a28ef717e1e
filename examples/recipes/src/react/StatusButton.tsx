import { useSyncExternalStore } from 'react';
import type { DeskControls } from '@switchboard/core';

/**
 * The agent's desk as React state: re-renders when the snapshot changes, and only then. The
 * third argument serves server rendering (Next.js, Remix) the same snapshot.
 */
export function useDesk(desk: DeskControls) {
  return useSyncExternalStore(desk.subscribe, desk.getSnapshot, desk.getSnapshot);
}

/** Toggles the agent between available and not ready (on a break). */
export function StatusButton({ desk }: { desk: DeskControls }) {
  const { agent } = useDesk(desk);
  const available = agent.presence.status === 'available';
  return (
    <button
      type="button"
      aria-pressed={available}
      onClick={() =>
        void desk.setStatus(
          available ? { status: 'notReady', reason: 'break' } : { status: 'available' },
        )
      }
    >
      {available ? 'Available' : 'Not ready'}
    </button>
  );
}
