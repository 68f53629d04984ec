// Deterministic randomness. Every simulated value derives from the seed, so one seed replays the
// same fleet in Node and in the browser alike. Not for secrets.

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny, fast 32-bit PRNG, plenty for a simulation. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Mixes integers into one 32-bit hash: random access by index, with no stream to replay. */
export function hashInts(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) h = fmix32(Math.imul(h ^ (value | 0), 0x9e3779b1));
  return h;
}

/** FNV-1a over the string's UTF-16 code units. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A uniform number in [min, max). */
export function between(random: Random, min: number, max: number): number {
  return min + random() * (max - min);
}

/** A uniform number in [0, 1) at a random-access position: `hashInts(...)` scaled down. */
export function unitHash(...values: number[]): number {
  return hashInts(...values) / 2 ** 32;
}

/** Turns a uniform draw in [0, 1) into an exponential one with the given mean (Poisson gaps). */
export function exponential(uniform: number, mean: number): number {
  return -mean * Math.log(1 - uniform);
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Picks a key with probability proportional to its weight. */
export function weighted<K extends string>(random: Random, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  let ticket = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    ticket -= weight;
    if (ticket < 0) return key;
  }
  return entries[entries.length - 1][0];
}
