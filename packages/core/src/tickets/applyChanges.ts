import { applyPatches, enablePatches, freeze, type Patch } from 'immer';
import type { TicketChange } from './ticketHistory';

const slow = Symbol('slow');
const removed = Symbol('removed');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

// Copies the objects along `path` with the change applied at its end, or `slow` when the path
// goes through something other than plain objects keyed by strings (arrays, for one). Objects in
// `owned` are copies made for earlier changes of the same batch: changed in place, not copied again.
function setIn(node: unknown, change: TicketChange, depth: number, owned: object[]): unknown {
  const { path } = change;
  if (depth === path.length) return change.op === 'remove' ? removed : freeze(change.value, true);
  const key = path[depth];
  if (!isPlainObject(node) || typeof key !== 'string') return slow;
  const child = setIn(node[key], change, depth + 1, owned);
  if (child === slow) return slow;
  let copy = node;
  if (!owned.includes(node)) owned.push((copy = { ...node }));
  if (child === removed) Reflect.deleteProperty(copy, key);
  else copy[key] = child;
  return copy;
}

// Freezes the copies made so far; they are final.
const seal = (owned: object[]) => {
  for (const copy of owned.splice(0)) Object.freeze(copy);
};

let patchesEnabled = false;

/**
 * Applies immer patches to a frozen record, as immer's `applyPatches` does: changes along object
 * keys copy only the objects on their path (the common case, and the hot path of a replay);
 * anything else (array indexes, the whole record) goes through immer.
 *
 * @internal
 */
export function applyChanges<T>(value: T, changes: readonly TicketChange[]): T {
  // As immer does: a replacement of the whole record makes the changes before it moot.
  let whole = -1;
  changes.forEach((change, index) => {
    if (change.path.length === 0 && change.op === 'replace') whole = index;
  });
  let result: unknown = whole === -1 ? value : changes[whole]?.value;
  const owned: object[] = [];
  for (const change of changes.slice(whole + 1)) {
    const next = change.path.length === 0 ? slow : setIn(result, change, 0, owned);
    if (next !== slow) {
      result = next;
      continue;
    }
    seal(owned);
    if (!patchesEnabled) {
      // A replay may run before any ticket book enabled immer's patches in this process.
      enablePatches();
      patchesEnabled = true;
    }
    result = applyPatches(result as object, [change as Patch]);
  }
  seal(owned);
  return freeze(result as T, true);
}
