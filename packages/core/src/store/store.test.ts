import { applyPatches } from 'immer';
import { describe, expect, it, vi } from 'vitest';
import { createStore } from './store';

interface Todo {
  id: number;
  title: string;
  tags: string[];
}

interface State {
  todos: Todo[];
  meta: { count: number; owner: { name: string } };
  other: { untouched: boolean[] };
}

type Event =
  | { type: 'add'; id: number; title: string }
  | { type: 'tag'; id: number; tag: string }
  | { type: 'rename'; name: string }
  | { type: 'noop' };

function reduce(draft: State, event: Event): void {
  switch (event.type) {
    case 'add':
      draft.todos.push({ id: event.id, title: event.title, tags: [] });
      draft.meta.count += 1;
      return;
    case 'tag':
      draft.todos.find((todo) => todo.id === event.id)?.tags.push(event.tag);
      return;
    case 'rename':
      draft.meta.owner.name = event.name;
      return;
    case 'noop':
      return;
  }
}

const initial = (): State => ({
  todos: [{ id: 1, title: 'first', tags: ['a'] }],
  meta: { count: 1, owner: { name: 'ada' } },
  other: { untouched: [true] },
});

const make = (historyLimit?: number, onError?: (error: unknown) => void) =>
  createStore<State, Event>(
    historyLimit === undefined
      ? { initial: initial(), reduce }
      : { initial: initial(), reduce, historyLimit },
    onError,
  );

/** Every object reachable from `value`, itself included. */
function objectsIn(value: unknown): object[] {
  if (typeof value !== 'object' || value === null) return [];
  return [value, ...Object.values(value).flatMap(objectsIn)];
}

describe('createStore', () => {
  it('deep-freezes the initial snapshot', () => {
    const store = make();
    const objects = objectsIn(store.getSnapshot());
    // root, todos, todos[0], its tags, meta, owner, other, untouched
    expect(objects.length).toBe(8);
    for (const object of objects) expect(Object.isFrozen(object)).toBe(true);
  });

  it('deep-freezes every new snapshot and shares what did not change', () => {
    const store = make();
    const before = store.getSnapshot();
    const after = store.apply([
      { type: 'add', id: 2, title: 'second' },
      { type: 'tag', id: 2, tag: 'x' },
    ]);
    expect(after).toBe(store.getSnapshot());
    expect(after).not.toBe(before);
    expect(after.todos).toEqual([
      { id: 1, title: 'first', tags: ['a'] },
      { id: 2, title: 'second', tags: ['x'] },
    ]);
    for (const object of objectsIn(after)) expect(Object.isFrozen(object)).toBe(true);
    expect(after.todos[0]).toBe(before.todos[0]);
    expect(after.other).toBe(before.other);
    expect(() => {
      after.todos[1]!.tags.push('y');
    }).toThrow(TypeError);
    // The previous snapshot is untouched.
    expect(before.todos).toHaveLength(1);
    expect(before.meta.count).toBe(1);
  });

  it('returns the same snapshot and notifies nobody when there are no events or nothing changes', () => {
    const store = make();
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getSnapshot();
    expect(store.apply([])).toBe(before);
    expect(store.apply([{ type: 'noop' }, { type: 'tag', id: 99, tag: 'z' }])).toBe(before);
    expect(store.getSnapshot()).toBe(before);
    expect(listener).not.toHaveBeenCalled();
    expect(store.history()).toEqual([]);
  });

  it('notifies each subscriber once per batch, after the snapshot is updated, until unsubscribed', () => {
    const store = make();
    const seen: number[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.getSnapshot().meta.count));
    store.apply([
      { type: 'add', id: 2, title: 'b' },
      { type: 'add', id: 3, title: 'c' },
    ]);
    expect(seen).toEqual([3]);
    store.apply([{ type: 'add', id: 4, title: 'd' }]);
    expect(seen).toEqual([3, 4]);
    unsubscribe();
    unsubscribe();
    store.apply([{ type: 'add', id: 5, title: 'e' }]);
    expect(seen).toEqual([3, 4]);
  });

  it('calls subscribers in subscription order and keeps the others when one unsubscribes', () => {
    const store = make();
    const calls: string[] = [];
    store.subscribe(() => calls.push('first'));
    const offSecond = store.subscribe(() => calls.push('second'));
    store.subscribe(() => calls.push('third'));
    store.apply([{ type: 'rename', name: 'bob' }]);
    offSecond();
    store.apply([{ type: 'rename', name: 'cy' }]);
    expect(calls).toEqual(['first', 'second', 'third', 'first', 'third']);
  });

  it('select fires only when the selected value changes, with the previous value', () => {
    const store = make();
    const listener = vi.fn();
    const off = store.select((state) => state.meta.owner.name, listener);
    store.apply([{ type: 'add', id: 2, title: 'b' }]);
    expect(listener).not.toHaveBeenCalled();
    store.apply([{ type: 'rename', name: 'bob' }]);
    expect(listener).toHaveBeenLastCalledWith('bob', 'ada');
    store.apply([{ type: 'rename', name: 'cy' }]);
    expect(listener).toHaveBeenLastCalledWith('cy', 'bob');
    expect(listener).toHaveBeenCalledTimes(2);
    off();
    store.apply([{ type: 'rename', name: 'dan' }]);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('select uses the given equality', () => {
    const store = make();
    const listener = vi.fn();
    // A new array every time: Object.is would fire on every change, the custom equality only on a new id.
    store.select(
      (state) => state.todos.map((todo) => todo.id),
      listener,
      (a, b) => a.length === b.length && a.every((id, index) => id === b[index]),
    );
    store.apply([{ type: 'tag', id: 1, tag: 'b' }]);
    expect(listener).not.toHaveBeenCalled();
    store.apply([{ type: 'add', id: 2, title: 'b' }]);
    expect(listener).toHaveBeenCalledExactlyOnceWith([1, 2], [1]);
  });

  it('reports a throwing subscriber and still runs the others', () => {
    const errors: unknown[] = [];
    const store = make(undefined, (error) => errors.push(error));
    const boom = new Error('boom');
    const selectorBoom = new Error('selector listener');
    const calls: string[] = [];
    store.subscribe(() => calls.push('before'));
    store.subscribe(() => {
      throw boom;
    });
    store.select(
      (state) => state.meta.count,
      () => {
        throw selectorBoom;
      },
    );
    store.subscribe(() => calls.push('after'));
    const next = store.apply([{ type: 'add', id: 2, title: 'b' }]);
    expect(calls).toEqual(['before', 'after']);
    expect(errors).toEqual([boom, selectorBoom]);
    expect(store.getSnapshot()).toBe(next);
    expect(next.meta.count).toBe(2);
  });

  it('swallows subscriber errors when no error callback is given', () => {
    const store = make();
    store.subscribe(() => {
      throw new Error('ignored');
    });
    expect(() => store.apply([{ type: 'add', id: 2, title: 'b' }])).not.toThrow();
    expect(store.getSnapshot().meta.count).toBe(2);
  });

  it('keeps at most historyLimit batches, oldest dropped first, with working patches', () => {
    const store = make(3);
    const snapshots = [store.getSnapshot()];
    const batches: Event[][] = [
      [{ type: 'add', id: 2, title: 'b' }],
      [
        { type: 'tag', id: 1, tag: 'x' },
        { type: 'rename', name: 'bob' },
      ],
      [{ type: 'add', id: 3, title: 'c' }],
      [{ type: 'tag', id: 3, tag: 'y' }],
      [{ type: 'rename', name: 'cy' }],
    ];
    for (const batch of batches) snapshots.push(store.apply(batch));
    const history = store.history();
    expect(history).toHaveLength(3);
    expect(history.map((entry) => entry.events)).toEqual(batches.slice(2));
    history.forEach((entry, index) => {
      const before = snapshots[index + 2]!;
      const after = snapshots[index + 3]!;
      expect(entry.patches.length).toBeGreaterThan(0);
      expect(applyPatches(before, entry.patches)).toEqual(after);
      expect(applyPatches(after, entry.inversePatches)).toEqual(before);
    });
    // Undoing the whole kept history, newest first, gives the state before it.
    const undone = [...history]
      .reverse()
      .reduce((state, entry) => applyPatches(state, entry.inversePatches), store.getSnapshot());
    expect(undone).toEqual(snapshots[2]);
  });

  it('keeps 100 batches by default and none with historyLimit 0', () => {
    const store = make();
    for (let id = 2; id <= 105; id += 1) store.apply([{ type: 'add', id, title: `t${id}` }]);
    expect(store.history()).toHaveLength(100);
    expect(store.history()[0]?.events).toEqual([{ type: 'add', id: 6, title: 't6' }]);

    const none = make(0);
    const listener = vi.fn();
    none.subscribe(listener);
    none.apply([{ type: 'add', id: 2, title: 'b' }]);
    expect(none.history()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('with evolve and historyLimit 0, applies the pure reducer without a draft and freezes the result', () => {
    const evolve = vi.fn((state: State, event: Event): State => {
      if (event.type !== 'rename') return state;
      return { ...state, meta: { ...state.meta, owner: { name: event.name } } };
    });
    const reduceSpy = vi.fn(reduce);
    const store = createStore<State, Event>({
      initial: initial(),
      reduce: reduceSpy,
      evolve,
      historyLimit: 0,
    });
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getSnapshot();

    expect(store.apply([{ type: 'noop' }])).toBe(before);
    expect(listener).not.toHaveBeenCalled();

    const after = store.apply([{ type: 'rename', name: 'Grace' }, { type: 'noop' }]);
    expect(after.meta.owner.name).toBe('Grace');
    expect(after.other).toBe(before.other);
    expect(Object.isFrozen(after)).toBe(true);
    expect(Object.isFrozen(after.meta.owner)).toBe(true);
    expect(evolve).toHaveBeenCalledTimes(3);
    expect(reduceSpy).not.toHaveBeenCalled();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
