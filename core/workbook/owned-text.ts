// Text the add-in writes into a workbook from the user's own data (project names as column headers, names
// in cells): no control characters (a tab or newline breaks a header; Excel refuses some), no bidi overrides
// (U+202A–U+202E, U+2066–U+2069, U+061C: they make a name read as something else), and no longer than Office
// allows — 255 characters for a table column name.

/** Longest table column name Excel accepts. */
export const MAX_COLUMN_NAME = 255;

// C0 and C1 controls and DEL, and the bidi embedding/override/isolate controls.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069]+/g;

export interface OwnedText {
  readonly text: string;
  /** The text had to be cut to the limit (characters removed for safety alone do not count). */
  readonly shortened: boolean;
}

/** `text` made safe to write: unsafe characters become one space, runs of spaces one, trimmed, cut to `max`. */
export function ownedText(text: string, max = MAX_COLUMN_NAME): OwnedText {
  const clean = text.replace(UNSAFE, ' ').replace(/\s{2,}/g, ' ').trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return { text: clean, shortened: false };
  return { text: `${chars.slice(0, max - 1).join('').trimEnd()}…`, shortened: true };
}
