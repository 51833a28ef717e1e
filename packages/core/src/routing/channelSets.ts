import { IdleOrder } from './idleOrder';
import type { CodedRequirement } from './routingClass';

/** Proficiency levels run from 1 to this. */
export const topLevel = 10;

/** The row of agents with skill `code` at `level` or more in a {@link ChannelSets}. */
export const rowOf = (code: number, level: number): number => code * topLevel + level;

/**
 * The free agents of one channel as bitsets over agent slots, all in one array: row 0 holds
 * everyone free on the channel, and row {@link rowOf}(code, level) those free with skill `code` at
 * `level` or more. Listing an agent writes one word per row it joins, with no object to go through
 * on the way; finding the agents who meet a contact's requirements is a pass over a few rows. Rows
 * and their width grow as codes and slots appear. Each row's count, and row 0 in idle order, are
 * kept beside the bits.
 *
 * @internal
 */
export class ChannelSets {
  /** The rows, one after the other, `width` words each. */
  words = new Uint32Array(0);
  /** How many slots each row holds. */
  counts = new Int32Array(0);
  /** Row 0's slots, longest idle first (the agent index places them). */
  readonly idle = new IdleOrder();
  /** Words per row: 32 slots a word. */
  width = 0;
  /** Skill codes the rows have room for. */
  codes = 0;

  /** Adds `slot` to `row`, or removes it. */
  mark(row: number, slot: number, present: boolean): void {
    const at = row * this.width + (slot >>> 5);
    const bit = 1 << (slot & 31);
    const word = this.words[at] as number;
    if (((word & bit) !== 0) === present) return;
    this.words[at] = word ^ bit;
    this.counts[row] = (this.counts[row] as number) + (present ? 1 : -1);
  }

  /** The row of the free agents who meet `requirement`, or -1 when nobody can (an unknown code). */
  rowFor(requirement: CodedRequirement): number {
    const { code, min } = requirement;
    return code >= this.codes || min > topLevel ? -1 : rowOf(code, min);
  }

  /** Makes room for `slot` and for the rows of skill `code`. */
  fit(slot: number, code: number): void {
    const { width, codes } = this;
    if (slot >>> 5 < width && code < codes) return;
    this.width = slot >>> 5 < width ? width : Math.max((slot >>> 5) + 1, width * 2);
    this.codes = code < codes ? codes : Math.max(code + 1, codes * 2);
    const rows = rowOf(this.codes - 1, topLevel) + 1;
    const grown = new Uint32Array(rows * this.width);
    for (let row = 0; row <= rowOf(codes - 1, topLevel); row += 1)
      grown.set(this.words.subarray(row * width, (row + 1) * width), row * this.width);
    this.words = grown;
    const counts = new Int32Array(rows);
    counts.set(this.counts);
    this.counts = counts;
  }
}
