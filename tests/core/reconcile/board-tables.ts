// The board's 2026 tables (seed 004, Sak 40-25/41-25) as 2-D cell arrays, laid out like the document:
// title rows above, the allocation header repeated before Rana (page break), a Sum/SUM row. Built from
// the fixture JSON either as stored numbers (what a spreadsheet holds) or as nb-NO text (what was printed).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellValue } from '../../../core/util/cells.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtureDir = join(here, '..', '..', 'fixtures', 'helgeland-2025');

export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(fixtureDir, name), 'utf8')) as T;
}

export type Style = 'numbers' | 'text';
type Grid = CellValue[][];

/** "1234567.8" → "1 234 567,80" (two decimals unless told). */
export function nb(value: string, decimals = 2): string {
  const negative = value.startsWith('-');
  const [int, frac = ''] = value.replace('-', '').split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const d = decimals === 0 ? '' : ',' + (frac + '00').slice(0, decimals);
  return (negative ? '-' : '') + grouped + d;
}

/** The board's "kr 166 801,48" style (allocation table). */
const krPrefix = (v: string) => `kr ${nb(v)}`;
/** The board's "54 972,92-kr" / "12 500,00kr" / "-kr" style (RPA, DUO, budget). */
export function krSuffix(v: string | null, printedZero = '-kr'): string {
  if (v === null) return '';
  if (Number(v) === 0) return printedZero;
  return v.startsWith('-') ? `${nb(v.slice(1))}-kr` : `${nb(v)}kr`;
}
const num = (v: string | null): CellValue => (v === null ? null : Number(v));

export const ALLOCATION_HEADER = ['Kommune', 'Antall innbyggere (2. kv. 2025)', 'Fordelt etter innbyggertall', 'Totalt pr kommune'];

/** The allocation table: title rows, header, 18 rows, the header again, Rana, Sum. Header at sheet row 3. */
export function allocationGrid(style: Style, edit?: (rows: any[]) => void): Grid {
  const a = fixture('allocation-2026.json');
  const rows = structuredClone(a.rows) as any[];
  edit?.(rows);
  const line = (r: any): CellValue[] =>
    style === 'numbers'
      ? [r.kommune, Number(r.innbyggere_2kv_2025), num(r.fordelt_etter_innbyggertall), num(r.totalt_pr_kommune)]
      : [r.kommune, nb(r.innbyggere_2kv_2025, 0), krPrefix(r.fordelt_etter_innbyggertall), krPrefix(r.totalt_pr_kommune)];
  const s = a.sum_row;
  return [
    ['Fordeling av kostnader (kommunenes bidrag) – budsjett 2026'],
    [],
    [...ALLOCATION_HEADER],
    ...rows.slice(0, 18).map(line),
    [...ALLOCATION_HEADER],
    ...rows.slice(18).map(line),
    style === 'numbers' ? ['Sum', null, num(s.fordelt_etter_innbyggertall), num(s.totalt_pr_kommune)] : ['Sum', '', krPrefix(s.fordelt_etter_innbyggertall), krPrefix(s.totalt_pr_kommune)],
  ];
}

export const RPA_HEADER = ['', 'RPA kostnad pr mnd', 'Antall håndteringer', 'Besparelse tid', 'Netto besparelse pr mnd', 'Netto besparelser pr år'];

/** The RPA table, header at sheet row 2 under a title. */
export function rpaGrid(style: Style, edit?: (rows: any[]) => void): Grid {
  const f = fixture('rpa.json');
  const rows = structuredClone(f.rows) as any[];
  edit?.(rows);
  const line = (r: any, label = r.kommune): CellValue[] =>
    style === 'numbers'
      ? [label, num(r.rpa_kostnad_pr_mnd), num(r.antall_handteringer), num(r.besparelse_tid), num(r.netto_besparelse_pr_mnd), num(r.netto_besparelser_pr_aar)]
      : [
          label,
          r.rpa_kostnad_pr_mnd === null ? '' : krSuffix(r.rpa_kostnad_pr_mnd),
          r.antall_handteringer,
          r.besparelse_tid,
          krSuffix(r.netto_besparelse_pr_mnd),
          krSuffix(r.netto_besparelser_pr_aar),
        ];
  return [['RPA – gevinstoppfølging (Sak 41-25)'], [...RPA_HEADER], ...rows.map((r) => line(r)), line(f.sum_row, 'SUM')];
}

export const DUO_HEADER = ['', 'DUO kostnad pr mnd', 'Besparelser pr mnd', 'Netto besparelse pr md', 'Besparelser pr år'];

/** The DUO table with the lone −417000 cell between the header and the first row. */
export function duoGrid(style: Style, edit?: (rows: any[]) => void): Grid {
  const f = fixture('duo.json');
  const rows = structuredClone(f.rows) as any[];
  edit?.(rows);
  const line = (r: any, label = r.kommune): CellValue[] =>
    style === 'numbers'
      ? [label, num(r.duo_kostnad_pr_mnd), num(r.besparelser_pr_mnd), num(r.netto_besparelse_pr_md), num(r.besparelser_pr_aar)]
      : [label, krSuffix(r.duo_kostnad_pr_mnd), krSuffix(r.besparelser_pr_mnd), krSuffix(r.netto_besparelse_pr_md), krSuffix(r.besparelser_pr_aar)];
  return [
    ['DUO arkivar – estimert besparelse'],
    [...DUO_HEADER],
    [null, null, style === 'numbers' ? -417000 : '-417000', null, null],
    ...rows.map((r) => line(r)),
    line(f.sum_row, 'SUM'),
  ];
}

/** The budget table (Fordeling av kostnader): Utgifter …, Totale utgifter, Inntekter …, Totalt, Kontroll. */
export function budgetGrid(style: Style): Grid {
  const b = fixture('budget-2026.json').budsjett_tabell;
  const v = (x: string) => (style === 'numbers' ? Number(x) : krSuffix(x));
  return [
    ['Budsjett 2026 – Fordeling av kostnader (kommunenes bidrag)'],
    ['Utgifter'],
    ...b.utgifter.map((u: any) => [u.kategori, v(u.belop)]),
    ['Totale utgifter', v(b.totale_utgifter.belop)],
    ['Inntekter'],
    ...b.inntekter.map((u: any) => [u.kategori, v(u.belop)]),
    ['Totalt', v(b.inntekter_totalt.belop)],
    ['Kontroll', v(b.kontroll.belop)],
  ];
}
