import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of randomness: the same seed always gives the same sequence. */
export interface Random {
  /** A uniform number in [0, 1). */
  next(): number;
  /** Whether an event of probability `p` happens. */
  chance(p: number): boolean;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** An exponentially distributed number with the given mean (gaps between Poisson arrivals). */
  exponential(mean: number): number;
  /** A log-normally distributed number with the given mean and coefficient of variation (handle times). */
  logNormal(mean: number, cv: number): number;
  /** One of `items`, chosen with probability proportional to `weightOf(item)`. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T;
}

/**
 * Creates a {@link Random} from an integer seed (xoroshiro128+ from pure-rand). `stream` picks
 * one of the seed's independent, non-overlapping streams (the generator jumped that many times),
 * so that separate parts of a simulation draw without disturbing each other.
 */
export function createRandom(seed: number, stream = 0): Random {
  const generator = xoroshiro128plus(seed);
  for (let jumps = 0; jumps < stream; jumps += 1) generator.jump();
  const next = () => uniformFloat64(generator);
  const random: Random = {
    next,
    chance: (p) => next() < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    exponential: (mean) => -mean * Math.log(1 - next()),
    logNormal(mean, cv) {
      if (cv === 0) return mean;
      // Box-Muller for a standard normal; 1 - next() keeps the logarithm finite.
      const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      const sigma2 = Math.log(1 + cv * cv);
      return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * normal);
    },
    weighted(items, weightOf) {
      const total = items.reduce((sum, item) => sum + weightOf(item), 0);
      let left = next() * total;
      for (const item of items) {
        left -= weightOf(item);
        if (left < 0) return item;
      }
      const last = items.at(-1);
      if (last === undefined) throw new RangeError('weighted() needs at least one item');
      return last;
    },
  };
  return random;
}
