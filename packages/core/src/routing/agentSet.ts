/**
 * A set of agent slots (small integers) as a bitset that grows as slots are added. The router
 * keeps one per channel, skill and proficiency level, so the agents who meet a contact's
 * requirements are the intersection of a few of them: a pass over contiguous words, not a walk
 * over agents.
 *
 * @internal
 */
export class AgentSet {
  /** 32 slots a word; words past the end are empty. */
  words = new Uint32Array(0);

  /** Adds `slot`. */
  add(slot: number): void {
    const word = slot >>> 5;
    if (word >= this.words.length) {
      const grown = new Uint32Array(Math.max(word + 1, this.words.length * 2));
      grown.set(this.words);
      this.words = grown;
    }
    this.words[word] = (this.words[word] as number) | (1 << (slot & 31));
  }

  /** Removes `slot`. */
  delete(slot: number): void {
    const word = slot >>> 5;
    if (word < this.words.length)
      this.words[word] = (this.words[word] as number) & ~(1 << (slot & 31));
  }
}
