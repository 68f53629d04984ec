// Opaque page cursors: base64url of the last row's sort key. The widget must never parse one;
// the mock only promises that a cursor it issued means "the rows after that one".

import type { SortKey } from './fleet.js';

const FORMAT = /^c1:(-?\d+):([0-9a-f]{16})$/;

export function encodeCursor(key: SortKey): string {
  return btoa(`c1:${key.arrivedAt}:${key.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The key a cursor stands for, or `null` when it is not one this mock issued. */
export function decodeCursor(cursor: string): SortKey | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const match = FORMAT.exec(text);
  return match ? { arrivedAt: Number(match[1]), id: match[2] } : null;
}
