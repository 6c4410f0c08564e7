// Comparing two .xlsx packages entry by entry: what dh oppdater may change, and proof that nothing else did.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

/** Every zip entry's uncompressed bytes, by name. */
export async function entries(path: string | Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(typeof path === 'string' ? readFileSync(path) : path);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) out.set(name, Buffer.from(await zip.files[name]!.async('uint8array')));
  return out;
}

/**
 * The entries of `before` that `after` lacks or holds with other bytes, leaving out those `owned` allows
 * (the owned tables' sheets and table parts, the workbook part, content types and relationships).
 */
export async function changedEntries(before: string | Uint8Array, after: string | Uint8Array, owned: (name: string) => boolean): Promise<string[]> {
  const [a, b] = await Promise.all([entries(before), entries(after)]);
  return [...a].filter(([name, bytes]) => !owned(name) && !(b.get(name)?.equals(bytes) ?? false)).map(([name]) => name);
}

/** The parts dh oppdater may edit, given the sheet parts that hold owned tables. */
export function ownedBy(sheetParts: readonly string[]): (name: string) => boolean {
  const sheets = new Set(sheetParts.map((p) => p.toLowerCase()));
  return (name) => {
    const n = name.toLowerCase();
    if (n === '[content_types].xml' || n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels') return true;
    if (/^xl\/tables\/[^/]+\.xml$/.test(n)) return true;
    if (sheets.has(n)) return true;
    const rels = /^xl\/worksheets\/_rels\/([^/]+)\.rels$/.exec(n);
    return !!rels && sheets.has(`xl/worksheets/${rels[1]}`);
  };
}

/** The sheet parts (xl/worksheets/…) of the sheets whose names pass `wanted`, read from the package. */
export async function sheetParts(path: string | Uint8Array, wanted: (sheet: string) => boolean): Promise<string[]> {
  const zip = await JSZip.loadAsync(typeof path === 'string' ? readFileSync(path) : path);
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const out: string[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"/g)) {
    if (!wanted(m[1]!)) continue;
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${m[2]}"`).exec(rels);
    const t = (target?.[1] ?? target?.[2] ?? '').replace(/^\/?xl\//, '').replace(/^\//, '');
    out.push(`xl/${t}`);
  }
  return out;
}
