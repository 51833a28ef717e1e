import { useSyncExternalStore } from 'react';
import type { Observable } from './world/observable';

/**
 * Renders from anything Switchboard makes observable (a desk, the centre, the CRM, a CRM
 * binding): `getSnapshot` gives an immutable value that stays the same object until it changes,
 * which is all `useSyncExternalStore` needs.
 */
export function useStore<T>(store: Observable<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
