/** Proficiency levels run from 1 to this. */
export const topLevel = 10;

/** The row of agents with skill `code` at `level` or more in a {@link ChannelSets}. */
export const rowOf = (code: number, level: number): number => code * topLevel + level;

/**
 * The free agents of one channel as bitsets over agent slots, all in one array: row 0 holds
 * everyone free on the channel, and row {@link rowOf}(code, level) those free with skill `code` at
 * `level` or more. Listing an agent writes one word per row it joins, with no object to go through
 * on the way; finding the agents who meet a contact's requirements is a pass over a few rows. Rows
 * and their width grow as codes and slots appear.
 *
 * @internal
 */
export class ChannelSets {
  /** The rows, one after the other, `width` words each. */
  words = new Uint32Array(0);
  /** Words per row: 32 slots a word. */
  width = 0;
  /** Skill codes the rows have room for. */
  codes = 0;

  /** Adds `slot` to `row`, or removes it. */
  mark(row: number, slot: number, present: boolean): void {
    const at = row * this.width + (slot >>> 5);
    const bit = 1 << (slot & 31);
    this.words[at] = present ? (this.words[at] as number) | bit : (this.words[at] as number) & ~bit;
  }

  /** Makes room for `slot` and for the rows of skill `code`. */
  fit(slot: number, code: number): void {
    const { width, codes } = this;
    if (slot >>> 5 < width && code < codes) return;
    this.width = slot >>> 5 < width ? width : Math.max((slot >>> 5) + 1, width * 2);
    this.codes = code < codes ? codes : Math.max(code + 1, codes * 2);
    const grown = new Uint32Array((rowOf(this.codes - 1, topLevel) + 1) * this.width);
    for (let row = 0; row <= rowOf(codes - 1, topLevel); row += 1)
      grown.set(this.words.subarray(row * width, (row + 1) * width), row * this.width);
    this.words = grown;
  }
}
