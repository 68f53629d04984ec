/**
 * What a server said in an error answer (`{ "error": "…" }`), fit to show a person: bounded, and
 * with any echo of the API key hidden. Pure; the sessions and stop requests both quote through it.
 */

/** Runs this long of the key's secret part count as the key (a prefix or a piece a server echoes). */
const KEY_PIECE = 6;

/** A key's characters as compared: lower case, and nothing else (spaces, dashes) between them. */
const fold = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A server (or proxy) that echoes the key back, whole or in part, must not get it onto the screen:
 * nor lower- or upper-cased, nor spaced out or split by punctuation. Each piece of KEY_PIECE key
 * characters of the secret, so compared, becomes "…" with whatever stands between its characters.
 * Linear in the text: one set look-up per character.
 */
function redact(text: string, token: string): string {
  if (!token) return text;
  // The whole key, in any case, keeps its kind in view.
  text = text.replace(new RegExp(token.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'), 'gi'), 'rsk_…');
  const secret = token.replace(/^rsk_[a-z]+_/i, '');
  const key = fold(fold(secret).length >= KEY_PIECE ? secret : token);
  // A key too short to have pieces of that length (not a real key) is hidden whole, above.
  const size = Math.min(KEY_PIECE, key.length);
  if (!size) return text;
  const pieces = new Set<string>();
  for (let i = 0; i + size <= key.length; i++) pieces.add(key.slice(i, i + size));
  // The text's key characters, folded, and where each one stands in the text.
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!.toLowerCase();
    if (/^[a-z0-9]$/.test(c)) {
      folded += c;
      at.push(i);
    }
  }
  const hidden = new Uint8Array(folded.length);
  for (let i = 0; i + size <= folded.length; i++) {
    if (pieces.has(folded.slice(i, i + size))) hidden.fill(1, i, i + size);
  }
  // Each run of hidden characters, from its first to its last, becomes one "…".
  let out = '';
  let from = 0;
  for (let i = 0; i < folded.length; i++) {
    if (!hidden[i]) continue;
    let end = i;
    while (hidden[end + 1]) end++;
    out += `${text.slice(from, at[i])}…`;
    from = at[end]! + 1;
    i = end;
  }
  return out + text.slice(from);
}

/** ` The server said: “…”.`, or `""` when the body quotes nothing. */
export function serverSaid(body: string, token: string): string {
  try {
    const error: unknown = (JSON.parse(body) as { error?: unknown } | null)?.error;
    if (typeof error === 'string') {
      // Redacted before it is cut, so a cut can't leave part of a key; bounded, so a hostile
      // server can't fill the widget with text.
      return ` The server said: “${redact(error.slice(0, 2000), token).slice(0, 200)}”.`;
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): nothing to quote.
  }
  return '';
}
