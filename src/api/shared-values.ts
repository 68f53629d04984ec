/**
 * One copy of what many sessions hold alike, so a big project loaded costs less memory: repeated
 * words, and signal-less healths. Both bounded, against a server that sends a new value every row.
 */

/**
 * One copy of each repeated word. JSON.parse makes a string of its own per row for a value over 10
 * characters ("development"): tens of thousands of equal copies once a big project is loaded.
 * Strings compare by value, so which copy a session holds is invisible. Bounded, against a server
 * that sends a new word on every row.
 */
const words = new Map<string, string>();

export function oneCopy(word: string): string {
  const known = words.get(word);
  if (known !== undefined) return known;
  if (words.size < 256 && word.length <= 64) words.set(word, word);
  return word;
}

/**
 * One frozen `health` per distinct signal-less value, shared by the sessions that have it: nearly
 * every row of a loaded project has the same health, and this saves two objects a row. Frozen
 * (every health, so all behave alike), so a host that changes a session's health by mistake gets
 * an error instead of changing every session that shares it. Bounded, like `words`.
 */
const healths = new Map<string, object>();

export function sharedHealth<H extends { stuckSignals?: readonly unknown[] | null }>(health: H): H {
  const signals = health.stuckSignals;
  signals?.forEach(Object.freeze);
  Object.freeze(signals);
  Object.freeze(health);
  if (signals?.length) return health;
  const key = JSON.stringify(health);
  const known = healths.get(key);
  if (known) return known as H;
  if (healths.size < 64 && key.length <= 200) healths.set(key, health);
  return health;
}
