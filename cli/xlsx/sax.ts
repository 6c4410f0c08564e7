// A small streaming XML tokenizer for the parts of an .xlsx. It keeps only the unfinished tail of the input,
// so a sheet of hundreds of megabytes is read in chunks. Element names lose their namespace prefix (Strict
// OOXML and writers that prefix every element read the same). No DTD entity is ever expanded.

export interface SaxHandler {
  /** `attrs` is the raw attribute text; read it with parseAttrs when the element matters. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded. Long text may come in more than one call. */
  text(text: string): void;
}

export class XmlError extends Error {
  constructor(readonly offset: number) {
    super(`malformed XML near character ${offset}`);
  }
}

/** The longest stretch kept between chunks: a tag or a text run longer than this is not an .xlsx part. */
const MAX_TAIL = 4 * 1024 * 1024;

export class SaxParser {
  private tail = '';
  private consumed = 0;
  private depth = 0;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly handler: SaxHandler) {}

  feedBytes(chunk: Uint8Array): void {
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }

  feed(chunk: string): void {
    const s = this.tail.length ? this.tail + chunk : chunk;
    const h = this.handler;
    const n = s.length;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) break;
      if (lt > i) {
        h.text(decodeEntities(s.slice(i, lt)));
        i = lt;
      }
      if (lt + 1 >= n) break;
      const next = s.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) break;
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) break;
          h.text(s.slice(lt + 9, end));
          i = end + 3;
        } else {
          // <!DOCTYPE …>, possibly with an internal subset: skipped whole, its entities never used.
          const bracket = s.indexOf('[', lt);
          const gt = s.indexOf('>', lt);
          if (gt < 0) break;
          if (bracket >= 0 && bracket < gt) {
            const end = s.indexOf(']>', bracket);
            if (end < 0) break;
            i = end + 2;
          } else i = gt + 1;
        }
        continue;
      }
      if (next === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) break;
      if (next === 47 /* / */) {
        let name = s.slice(lt + 2, gt);
        if (isSpace(name.charCodeAt(name.length - 1))) name = name.trim();
        h.close(localName(name));
        this.depth--;
      } else {
        let end = gt;
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        if (selfClosing) end--;
        let k = lt + 1;
        while (k < end && !isSpace(s.charCodeAt(k))) k++;
        const name = s.slice(lt + 1, k);
        if (!name) throw new XmlError(this.consumed + lt);
        h.open(localName(name), s.slice(k, end), selfClosing);
        if (!selfClosing) this.depth++;
        else h.close(localName(name));
      }
      i = gt + 1;
    }
    this.consumed += i;
    this.tail = s.slice(i);
    if (this.tail.length > MAX_TAIL) throw new XmlError(this.consumed);
  }

  /** The input is complete: anything left over is an error. */
  end(): void {
    const rest = this.decoder.decode();
    if (rest) this.feed(rest);
    if (this.tail.trim().length > 0 || this.depth !== 0) throw new XmlError(this.consumed);
  }
}

/** Index of the `>` that ends a tag starting at `from`, skipping quoted attribute values; -1 if not in `s` yet. */
function tagEnd(s: string, from: number): number {
  const n = s.length;
  let q = 0;
  for (let k = from; k < n; k++) {
    const c = s.charCodeAt(k);
    if (q) {
      if (c === q) q = 0;
    } else if (c === 62) return k;
    else if (c === 34 || c === 39) q = c;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/**
 * One attribute's raw value (no prefix, not decoded), or undefined: the fast path for the attributes of
 * every cell (r, t, s), which never need decoding.
 */
export function attrValue(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attrs.indexOf(name, from);
    if (at < 0) return undefined;
    const before = at === 0 ? 32 : attrs.charCodeAt(at - 1);
    let k = at + name.length;
    while (k < attrs.length && isSpace(attrs.charCodeAt(k))) k++;
    if ((isSpace(before) || before === 58) && attrs.charCodeAt(k) === 61) {
      k++;
      while (k < attrs.length && isSpace(attrs.charCodeAt(k))) k++;
      const q = attrs.charCodeAt(k);
      if (q === 34 || q === 39) {
        const close = attrs.indexOf(q === 34 ? '"' : "'", k + 1);
        if (close > k) return attrs.slice(k + 1, close);
      }
    }
    from = at + name.length;
  }
}

/** The attributes of an element, keyed by local name (r:id → id), values decoded. */
export function parseAttrs(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    const eq = attrs.indexOf('=', i);
    if (eq < 0) break;
    const name = attrs.slice(i, eq).trim();
    let k = eq + 1;
    while (k < n && isSpace(attrs.charCodeAt(k))) k++;
    const q = attrs.charCodeAt(k);
    if (q !== 34 && q !== 39) break;
    const close = attrs.indexOf(q === 34 ? '"' : "'", k + 1);
    if (close < 0) break;
    out[localName(name)] = decodeEntities(attrs.slice(k + 1, close));
    i = close + 1;
  }
  return out;
}

/** Runs a whole part through the tokenizer. */
export function parseXml(bytes: Uint8Array, handler: SaxHandler): void {
  const parser = new SaxParser(handler);
  parser.feedBytes(bytes);
  parser.end();
}
