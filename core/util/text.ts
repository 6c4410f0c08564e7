/** Lower-case, strip diacritics (æ→ae, ø→o, å→a, á→a), collapse whitespace and punctuation. */
export function normalizeKey(text: string): string {
  // One loop without regular expressions for the text a workbook mostly holds (a–z, 0–9, æøå, ASCII separators;
  // a plain word comes back as the lower-cased text itself): header scans and the register call this for nearly
  // every text cell, a million times on a large sheet. Any other letter («é», «ü») takes the full Unicode path;
  // both give the same key (property test).
  const lower = text.toLowerCase();
  const n = lower.length;
  // Words of a–z/0–9 with single spaces between («visma enterprise 2»): the lower-cased text is the key. Building
  // it anew would cost a register of 100 000 distinct system names a string (and a flattening) per name.
  let plain = 0;
  for (; plain < n; plain++) {
    const ch = lower.charCodeAt(plain);
    if ((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57)) continue;
    if (ch !== 32 || plain === 0 || plain === n - 1 || lower.charCodeAt(plain - 1) === 32) break;
  }
  if (plain === n) return lower;
  let out = '';
  let word = -1; // start of the current run of a–z/0–9, or -1
  let gap = false; // separators seen since the last word character
  for (let i = 0; i < n; i++) {
    const ch = lower.charCodeAt(i);
    if ((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57)) {
      if (word < 0) {
        if (gap && out.length > 0) out += ' ';
        gap = false;
        word = i;
      }
      continue;
    }
    if (word >= 0) {
      out += lower.slice(word, i);
      word = -1;
    }
    if (ch === 0xe6 || ch === 0xf8 || ch === 0xe5) {
      if (gap && out.length > 0) out += ' ';
      gap = false;
      out += ch === 0xe6 ? 'ae' : ch === 0xf8 ? 'o' : 'a';
    } else if (ch < 128) gap = true;
    else return normalizeKeyUnicode(text);
  }
  if (word === 0) return lower;
  return word > 0 ? out + lower.slice(word) : out;
}

/** normalizeKey for any text: Unicode lower case and canonical decomposition. */
export function normalizeKeyUnicode(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Damerau-free Levenshtein distance, O(n·m), for "mente du …?" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** "a, b og c": a Norwegian list of words. */
export function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} og ${words.at(-1)}`;
}

/** "Ingen nøkkel …" → "ingen nøkkel …": a sentence continued after a comma or «Bruker». */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
