/** One thing the simulated world will do at a given time. */
interface Entry {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
}

/**
 * The simulator's own timeline of customer and agent actions: a binary min-heap on
 * (time, insertion order), so ties run in the order they were scheduled and runs are repeatable.
 * The core's own timers (offer time-outs, wrap-up limits) stay on the virtual clock.
 */
export interface Agenda {
  /** Schedules `run` at time `at` (ms since epoch). */
  at(at: number, run: () => void): void;
  /** When the next entry is due, or `undefined` when the agenda is empty. */
  peek(): number | undefined;
  /** Removes and returns the next entry's action. */
  pop(): (() => void) | undefined;
  /** How many entries are waiting. */
  readonly size: number;
}

/** Creates an empty {@link Agenda}. */
export function createAgenda(): Agenda {
  const heap: Entry[] = [];
  let seq = 0;
  const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
  const swap = (i: number, j: number) => {
    const a = heap[i] as Entry;
    heap[i] = heap[j] as Entry;
    heap[j] = a;
  };
  return {
    at(at, run) {
      heap.push({ at, seq: seq++, run });
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!before(heap[i] as Entry, heap[parent] as Entry)) break;
        swap(i, parent);
        i = parent;
      }
    },
    peek: () => heap[0]?.at,
    pop() {
      const top = heap[0];
      const last = heap.pop();
      if (!top || !last) return undefined;
      if (heap.length > 0) {
        heap[0] = last;
        for (let i = 0; ;) {
          const left = 2 * i + 1;
          const right = left + 1;
          let smallest = i;
          if (left < heap.length && before(heap[left] as Entry, heap[smallest] as Entry))
            smallest = left;
          if (right < heap.length && before(heap[right] as Entry, heap[smallest] as Entry))
            smallest = right;
          if (smallest === i) break;
          swap(i, smallest);
          i = smallest;
        }
      }
      return top.run;
    },
    get size() {
      return heap.length;
    },
  };
}
