import { onScopeDispose, shallowRef, type ShallowRef } from 'vue';
import type { DeskControls, DeskSnapshot } from '@switchboard/core';

/** The agent's desk as a Vue ref, updated on every change until the component (scope) goes. */
export function useDesk(desk: DeskControls): Readonly<ShallowRef<DeskSnapshot>> {
  const snapshot = shallowRef(desk.getSnapshot());
  const stop = desk.subscribe(() => {
    snapshot.value = desk.getSnapshot();
  });
  onScopeDispose(stop);
  return snapshot;
}
